"""The few interface strings of the core outputs, in English and Chinese."""

from __future__ import annotations

import os

LANGS = ("en", "zh")

_STRINGS: dict[str, tuple[str, str]] = {
    "grade": ("Grade", "等级"),
    "score": ("Score", "得分"),
    "completeness": ("Completeness", "完成度"),
    "dimension": ("Dimension", "能力域"),
    "indicator": ("Indicator", "指标"),
    "level": ("Level", "等级"),
    "weight": ("Weight", "权重"),
    "not_yet": ("not yet L1", "未达到一级"),
    "enterprise": ("Enterprise", "企业"),
    "questionnaire": ("Questionnaire", "评估指标"),
    "profile": ("Weight profile", "权重方案"),
    "none": ("none", "无"),
    "why_not": ("Why not {level}", "为何未达到 {level}"),
    "top": ("Top grade reached.", "已达到最高等级。"),
    "needs_score": ("{level} needs a total score of {needed:.2f}; the total is {score:.2f}.",
                    "{level} 需要总分达到 {needed:.2f}，当前总分 {score:.2f}。"),
    "needs_points": ("{level} needs {needed:g} points; the total is {score:.1f}.",
                     "{level} 需要 {needed:g} 分，当前 {score:.1f} 分。"),
    "failing": ("Level {failing} is the first below the {threshold:g} threshold (score {fs:.2f}).",
                "第 {failing} 级是第一个低于 {threshold:g} 达标线的等级（得分 {fs:.2f}）。"),
    "gaps": ("Largest gaps", "主要差距"),
    "gap_line": ("{name}: level-{level} score {score:.2f}", "{name}：第 {level} 级得分 {score:.2f}"),
    "gap_points": ("{name}: {score:.0%} of its points", "{name}：得分率 {score:.0%}"),
    "unmet": ("Grade requirement not met: {text}", "未满足等级要求：{text}"),
    "answered": ("{answered} of {askable} questions answered", "已回答 {answered}/{askable} 题"),
    "warnings": ("Warnings", "提示"),
    "holding_back": ("Holding back", "短板指标"),
    "report_title": ("Digital-transformation maturity report", "数字化转型成熟度诊断报告"),
    "overview": ("Overview", "总体结果"),
    "industry": ("Industry", "行业"),
    "production_type": ("Production type", "生产类型"),
    "size": ("Size", "规模"),
    "region": ("Region", "地区"),
    "assessed_on": ("Assessed on", "评估日期"),
    "assessor": ("Assessor", "评估人"),
    "dimensions": ("Dimensions", "能力域得分"),
    "level_scores": ("Score per level", "各等级得分"),
    "no_requirement": ("no requirement", "无要求"),
    "threshold": ("threshold", "达标线"),
    "strengths": ("Strengths", "优势"),
    "weaknesses": ("Weaknesses", "薄弱环节"),
    "none_clear": ("No dimension stands out.", "各能力域水平接近，无明显差异。"),
    "strength_line": ("{name}: {level} ({score:.2f})", "{name}：{level}（{score:.2f}）"),
    "blocking": ("Blocking indicators", "制约升级的关键指标"),
    "blocking_intro": ("These indicators keep the total below {level}; the impact is how much the "
                       "level-{failing} score would rise if each fully met it.",
                       "以下指标使总分低于{level}；“影响”表示该指标完全达到第 {failing} 级要求时，"
                       "第 {failing} 级得分可提高的幅度。"),
    "impact": ("Impact", "影响"),
    "path": ("Path to {level}", "升至{level}的路径"),
    "path_intro": ("The smallest set of improvements found that lifts the grade to {level}: "
                   "re-scoring the answers with these improvements gives {after} "
                   "(score {score:.2f}); leaving out any one of them falls short.",
                   "使等级升至{level}的最小改进组合：按这些改进重新评分得到{after}（得分 {score:.2f}）；"
                   "去掉其中任何一项都达不到。"),
    "path_unreachable": ("No set of indicator improvements reaches {level} from the answers given.",
                         "仅凭现有指标的改进无法达到{level}。"),
    "at_top": ("The enterprise is at the top grade: there is no next grade to reach.",
               "企业已达到最高等级，无需再规划下一等级。"),
    "from_to": ("from {a} to {b}", "从 {a} 提升到 {b}"),
    "benchmarks": ("Benchmarks", "对标"),
    "benchmarks_intro": ("The enterprise's own figures against the national ones in seeds/.",
                         "企业自身数据与国家统计数据（见 seeds/）的对比。"),
    "your_value": ("Yours", "本企业"),
    "national": ("National", "全国"),
    "target": ("Target", "目标"),
    "source": ("Source", "来源"),
    "not_answered": ("not answered", "未填写"),
    "above": ("above the national figure", "高于全国水平"),
    "below": ("below the national figure", "低于全国水平"),
    "at": ("at the national figure", "与全国水平持平"),
    "unknown": ("no comparison", "无法对比"),
    "meets_target": ("meets the target", "已达到目标"),
    "misses_target": ("does not meet the target yet", "尚未达到目标"),
    "recommendations": ("Recommended scenarios", "推荐实施的典型场景"),
    "ranking_note": ("Ranked by impact on the grade gap per unit of effort: the rise of the total "
                     "score if the scenario's indicators reached its levels, divided by its effort "
                     "(S 1, M 2, L 3), times 1.5 if it lifts a blocking indicator or one on the path, "
                     "1.25 if typical for your industry, 1.25 if a focus scenario of the industry "
                     "index, 0.5 if typical only of other industries. Only scenarios whose "
                     "prerequisites are met and that raise something you lack are listed.",
                     "排序依据为单位投入对等级差距的影响：场景所涉指标达到其目标等级时总分的提升，"
                     "除以投入（S 1、M 2、L 3），若提升的是关键指标或升级路径上的指标乘以 1.5，"
                     "属于本行业典型场景乘以 1.25，属于行业指标重点场景乘以 1.25，"
                     "仅为其他行业典型场景乘以 0.5。只列出前提条件已满足、且能提升企业尚欠缺能力的场景。"),
    "scenario": ("Scenario", "场景"),
    "effort": ("Effort", "投入"),
    "raises": ("Raises", "提升"),
    "why": ("Why", "推荐理由"),
    "benefits": ("Expected benefits", "预期效益"),
    "why_on_path": ("lifts a blocking indicator or one on the path to the next grade",
                    "提升关键指标或升级路径上的指标"),
    "why_typical": ("typical for {industry}", "是{industry}行业的典型场景"),
    "why_focus": ("a focus scenario of the industry index", "行业评估指标的重点场景"),
    "why_gain": ("total score +{gain:.2f}", "总分 +{gain:.2f}"),
    "why_grade": ("grade +{n}", "等级 +{n}"),
    "roadmap": ("Roadmap", "实施路线图"),
    "phase": ("Phase {n}: reach {level}", "第 {n} 阶段：达到{level}"),
    "phase_direct": ("No eligible scenario lifts these far enough; improve them directly: {names}",
                     "以下指标暂无合适场景可提升到位，需直接改进：{names}"),
    "completeness_title": ("Completeness", "完整性"),
    "complete": ("Every question that applies was answered.", "所有适用的问题均已作答。"),
    "incomplete_same": ("{n} question(s) unanswered; they count as “not yet”. Even answered at the top "
                        "they would not change the grade (best case: score {best_score:.2f}).",
                        "有 {n} 个问题未作答，按“未达到”计分；即使全部按最高水平作答，等级也不会改变"
                        "（最好情况得分 {best_score:.2f}）。"),
    "why_not_title": ("Why not {level}", "为何尚未达到{level}"),
    "level_n_score": ("Level-{n} score", "第 {n} 级得分"),
    "continues": ("continued", "续"),
    "incomplete": ("{n} question(s) unanswered; they count as “not yet”. Answered at the top, "
                   "the grade could be {best} (score {best_score:.2f}) instead of {now}.",
                   "有 {n} 个问题未作答，按“未达到”计分。若全部按最高水平作答，等级可能为 {best}"
                   "（得分 {best_score:.2f}），当前为 {now}。"),
    "target_path": ("Path to the target {level}", "达到目标等级{level}的路径"),
    "effort_S": ("small", "小"),
    "effort_M": ("medium", "中"),
    "effort_L": ("large", "大"),
    "size_micro": ("micro", "微型"),
    "size_small": ("small", "小型"),
    "size_medium": ("medium", "中型"),
    "size_large": ("large", "大型"),
    "key_next": ("Next", "下一题"),
    "key_back": ("Back", "上一题"),
    "key_skip": ("Skip", "跳过"),
    "key_help": ("Help", "帮助"),
    "key_toggle-grade": ("Grade", "预估等级"),
    "key_toggle-tree": ("Index", "目录"),
    "key_results": ("Results", "结果"),
    "key_quit": ("Quit", "退出"),
    "key_show-unanswered": ("Unanswered", "未答题"),
    "key_back-to-questions": ("Back to questions", "返回题目"),
    "key_export-answers": ("Answers", "答卷"),
    "tui_title": ("Digital-transformation self-assessment", "数字化转型成熟度自评估"),
    "tui_welcome": ("Welcome. Pick an index, tell us who you are, and answer one question at a "
                    "time: every answer is saved at once, so you can stop and resume at any time.",
                    "欢迎。请选择评估指标、填写企业信息，然后逐题作答：每个答案都会立即保存，可随时中断、稍后继续。"),
    "tui_resume": ("Resume an assessment", "继续未完成的评估"),
    "tui_new": ("New assessment", "新建评估"),
    "tui_index": ("Evaluation index", "评估指标"),
    "tui_language": ("Language", "语言"),
    "tui_name": ("Enterprise name", "企业名称"),
    "tui_start": ("Start", "开始"),
    "tui_back": ("Back", "上一题"),
    "tui_next": ("Next", "下一题"),
    "tui_skip": ("Skip", "跳过"),
    "tui_results": ("Results", "查看结果"),
    "tui_na": ("Not applicable to us", "不适用"),
    "tui_notes": ("Evidence or notes (optional)", "佐证或备注（可选）"),
    "tui_help": ("Help", "帮助"),
    "tui_no_help": ("No further help for this question.", "本题无补充说明。"),
    "tui_progress": ("{done} of {total} answered · about {minutes} min left",
                     "已答 {done}/{total} 题 · 约剩 {minutes} 分钟"),
    "tui_provisional": ("Provisional grade: {grade} ({score:.2f})", "当前预估等级：{grade}（{score:.2f}）"),
    "tui_unit": ("Unit: {unit}", "单位：{unit}"),
    "tui_number_hint": ("Type a number and press Enter", "输入数值后按回车"),
    "tui_saved": ("Saved to {path}", "已保存到 {path}"),
    "tui_exported": ("Exported {what} to {path}", "已导出{what}：{path}"),
    "tui_corrupt": ("An autosave could not be read and was moved aside: {path} ({reason})",
                    "有一个自动保存文件无法读取，已移至：{path}（{reason}）"),
    "tui_computing": ("Computing the diagnosis…", "正在生成诊断…"),
    "tui_unanswered_none": ("Every question is answered.", "所有问题均已作答。"),
    "tui_save_as": ("Save the answers file as", "将答卷另存为"),
    "tui_saved_progress": ("{n} answered", "已答 {n} 题"),
    "tui_item_rating": ("rating", "评价"),
    "tui_need_name": ("Please enter the enterprise name.", "请填写企业名称。"),
    "tui_yes": ("Yes", "是"),
    "tui_no": ("No", "否"),
    "tui_not_yet": ("Not yet / none of these", "尚未开展 / 以上都不符合"),
    "tpl_header": ("{ref}: {n} questions, about {m} minutes.", "{ref}：共 {n} 题，约 {m} 分钟。"),
    "tpl_fill": ("Fill in each answer after its colon; leave it empty if you do not know yet "
                 "(unanswered questions lower the completeness, not the validity).",
                 "在每个冒号后填写答案；暂不清楚的可以留空（未作答会降低完成度，但不影响文件有效性）。"),
    "tpl_check": ("Check the file with `maturity validate FILE`, score it with `maturity score FILE`.",
                  "用 `maturity validate 文件` 校验，用 `maturity score 文件` 评分。"),
    "tpl_lang": ("language of reports: zh or en", "报告语言：zh 或 en"),
    "tpl_industry": ("industry, one of: {items}", "行业，可选：{items}"),
    "tpl_ptype": ("production type, one of: {items}", "生产类型，可选：{items}"),
    "tpl_size": ("micro, small, medium or large",
                 "micro（微型）、small（小型）、medium（中型）或 large（大型）"),
    "tpl_level": ("answer with one number:", "填写一个数字："),
    "tpl_not_yet": ("not yet / none of these", "尚未开展 / 以上都不符合"),
    "tpl_yesno": ("answer: yes or no", "填写 yes（是）或 no（否）"),
    "tpl_number": ("answer: {kind} {unit} ({range})", "填写{kind}{unit}（{range}）"),
    "tpl_a_number": ("a number", "一个数值"),
    "tpl_a_whole_number": ("a whole number", "一个整数"),
    "tpl_multi": ("answer: a list of the option ids that apply, e.g. [{example}]",
                  "填写符合的选项编号列表，例如 [{example}]"),
    "tpl_checklist": ("rate each item: fully, mostly, partly or not",
                      "逐项评价：fully（完全满足）、mostly（大部分满足）、"
                      "partly（部分满足）或 not（不满足）"),
    "tpl_na": ("n/a is accepted if this does not apply to you", "如不适用可填写 n/a"),
    "tpl_only_if": ("(answer only if {cond})", "（仅当 {cond} 时作答）"),
    "tpl_applies": ("(applies only to {what})", "（仅适用于 {what}）"),
    "tpl_notes": ("Optional evidence per question: uncomment `notes:` and add lines such as",
                  "可选：每题的佐证说明。去掉 `notes:` 前的 # 并按下例添加："),
    "generated": ("Generated by maturity {version} from {questionnaire}.",
                  "由 maturity {version} 根据 {questionnaire} 生成。"),
    "method_note_points": ("Points method with grade rules; see docs/methodology.md.",
                           "采用计分法及等级规则，计分方法见 docs/methodology.md。"),
    "method_note": ("Level names are this project's reading of GB/T 39116; see docs/methodology.md.",
                    "等级名称为本项目对 GB/T 39116 的理解，计分方法见 docs/methodology.md。"),
}


def t(key: str, lang: str = "en", **kwargs: object) -> str:
    """Interface string ``key`` in ``lang`` (English when unknown), formatted."""
    en, zh = _STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**kwargs) if kwargs else text


def default_lang() -> str:
    """``zh`` when the environment's locale is Chinese, else ``en``."""
    for var in ("MATURITY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
