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
    "needs_score": ("{level} needs a total score of {needed}; the total is {score}.",
                    "{level} 需要总分达到 {needed}，当前总分 {score}。"),
    "needs_points": ("{level} needs {needed} points; the total is {score}.",
                     "{level} 需要 {needed} 分，当前 {score} 分。"),
    "subject": ("the plant", "本企业"),
    "failing": ("Level {failing} is where {subject} first falls short: it meets {fs_pct}% of what level "
                "{failing} asks, and {threshold_pct}% counts as met (level score {fs} of {threshold}).",
                "第 {failing} 级是{subject}首个未达标的等级：满足该级要求的 {fs_pct}%，"
                "达到 {threshold_pct}% 即视为达标（等级得分 {fs}，达标线 {threshold}）。"),
    "gaps": ("Largest gaps", "主要差距"),
    "gap_line": ("{name}: level-{level} score {score:.2f}", "{name}：第 {level} 级得分 {score:.2f}"),
    "gap_points": ("{name}: {score:.0%} of its points", "{name}：得分率 {score:.0%}"),
    "needs_mean": ("{level} needs a score of {needed}; the score is {score}.",
                   "{level} 需要 {needed} 分，当前 {score} 分。"),
    "gap_mean": ("{name}: {score:.0%} of the top score", "{name}：达到满分的 {score:.0%}"),
    "impact_mean": ("Score to gain", "可提高分数"),
    "unmet": ("Grade requirement not met: {text}", "未满足等级要求：{text}"),
    "answered": ("{answered} of {askable} questions answered", "已回答 {answered}/{askable} 题"),
    "warnings": ("Warnings", "提示"),
    "holding_back": ("Holding back", "短板指标"),
    "report_title": ("Digital-transformation maturity report", "数字化转型成熟度诊断报告"),
    "overview": ("Overview", "总体结果"),
    "industry": ("Industry", "行业"),
    "name": ("Name", "名称"),
    "id": ("Identifier", "标识号"),
    "production_type": ("Production type", "生产类型"),
    "product_kind": ("Main product", "主要产品类型"),
    "run_elsewhere": ("Run by others (no advice given there)", "由他方承担（不在其中给出建议）"),
    "run_elsewhere_scoped": ("Run by others (no advice given there; graded up to {level} only)",
                             "由他方承担（不在其中给出建议；评级只计到{level}）"),
    "unanswered_mark": (" ({n} unanswered)", "（{n} 题未作答）"),
    "run_by_others_mark": (" — run by others for the plant", "——由他方承担"),
    "tui_run_elsewhere": ("Run for the plant by its group or a contractor (Space ticks; optional):",
                          "由集团或外包方为本厂承担的职能（空格键勾选，可不选）："),
    "tui_run_elsewhere_scoped": ("Run for the plant by others, graded up to {level} only (Space ticks; "
                                 "optional):",
                                 "由集团或外包方为本厂承担的职能（空格键勾选，可不选；评级只计到{level}）："),
    "size": ("Size", "规模"),
    "energy_intensive": ("Energy a major cost", "能源是主要成本之一"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "region": ("Region", "地区"),
    "assessed_on": ("Assessed on", "评估日期"),
    "assessor": ("Assessor", "评估人"),
    "dimensions": ("Dimensions", "能力域得分"),
    "level_scores": ("Score per level", "各等级得分"),
    "no_requirement": ("no requirement", "无要求"),
    "threshold": ("threshold", "达标线"),
    "strengths": ("Strengths", "优势"),
    "provisional": ("Only {share} of the questions are answered: the grade and this picture are "
                    "provisional.", "仅回答了 {share} 的题目：等级和以下判断均为初步结果。"),
    "weaknesses": ("Weaknesses", "薄弱环节"),
    "none_clear": ("No dimension stands out.", "各能力域水平接近，无明显差异。"),
    "strength_line": ("{name}: {level} ({score:.2f})", "{name}：{level}（{score:.2f}）"),
    "blocking": ("Blocking indicators", "制约升级的关键指标"),
    "blocking_intro": ("These indicators keep the total below {level}; the last column is how much "
                       "the level-{failing} score would rise if each fully met it.",
                       "以下指标使总分低于{level}；最后一列表示该指标完全达到第 {failing} 级要求时，"
                       "第 {failing} 级得分可提高的幅度。"),
    "impact": ("Impact", "影响"),
    "impact_level": ("Level-score gain", "等级得分可提高"),
    "impact_points": ("Points to gain", "可增加分数"),
    "share_earned": ("Share earned (0–1)", "已得分比例（0–1）"),
    "blocking_intro_mean": ("These indicators keep the total below {level}: the share of the top "
                            "score each has reached, and how much the total score would rise if it "
                            "reached the top.",
                            "以下指标使总分未达到{level}：各指标已达到满分的比例，以及其达到满分时总分可提高的分数。"),
    "blocking_intro_points": ("These indicators keep the total below {level}: the share of each "
                              "one's points earned so far, and the points the total would gain if "
                              "it were earned in full.",
                              "以下指标使总分低于{level}：各指标已得分的比例，以及该指标得满分时总分可增加的分数。"),
    "level_now": ("Now", "现状"),
    "level_to": ("To reach", "目标"),
    "path": ("Path to {level}", "升至{level}的路径"),
    "path_intro": ("The smallest set of improvements found that lifts the grade to {level}: "
                   "re-scoring the answers with these improvements gives {after} "
                   "(score {score:.2f}); leaving out any one of them falls short.",
                   "使等级升至{level}的最小改进组合：按这些改进重新评分得到{after}（得分 {score:.2f}）；"
                   "去掉其中任何一项都达不到。"),
    "path_above": ("The path lifts {names} beyond {level}: once level {k} is met, progress at the "
                   "level above adds to the score too, and no path that stays at {level} asks as little.",
                   "路径将{names}提升到{level}以上：第{k}级达标后，更高一级的进展也计入总分；"
                   "不超过{level}的路径所需改进更多。"),
    "path_unreachable": ("No set of indicator improvements reaches {level} from the answers given.",
                         "仅凭现有指标的改进无法达到{level}。"),
    "at_top": ("{Subject} is at the top grade: there is no next grade to reach.",
               "{subject}已达到最高等级，无需再规划下一等级。"),
    "from_to": ("from {a} to {b}", "从 {a} 提升到 {b}"),
    "benchmarks": ("Benchmarks", "对标"),
    "benchmarks_intro": ("The enterprise's own figures against the national ones, each with its source.",
                         "企业自身数据与全国统计数据的对比，并注明各项数据来源。"),
    "your_value": ("Yours", "本企业"),
    "verdict": ("Compared", "比较"),
    "chart": ("Chart", "图示"),
    "national": ("National", "全国"),
    "target": ("Target", "目标"),
    "source": ("Source", "来源"),
    "not_answered": ("not answered", "未填写"),
    "answered_na": ("not applicable", "不适用"),
    "above": ("above the national figure", "高于全国水平"),
    "below": ("below the national figure", "低于全国水平"),
    "at": ("at the national figure", "与全国水平持平"),
    "unknown": ("no comparison", "无法对比"),
    "meets_target": ("meets the target", "已达到目标"),
    "misses_target": ("does not meet the target yet", "尚未达到目标"),
    "recommendations": ("Recommended scenarios", "推荐实施的典型场景"),
    "gate_head": ("no points; these set the grade rules", "不计分，用于判定等级"),
    "gate_count": ("{level} needs {count} at level {at} or above, you have {have}",
                   "{level}需{count}个达到{at}级及以上，现有{have}个"),
    "gate_mandatory": ("mandatory ones at level {at} or above: {have} of {count}",
                       "必选场景达到{at}级及以上：{have}/{count}"),
    "gate_have": ("you have {have}", "现有{have}个"),
    "gate_have_mandatory": ("mandatory: {have} of {count}", "必选：{have}/{count}"),
    "ranking_note": ("Listed in the order of the roadmap, then the steps that come after it: foundations "
                     "first, then what lifts the indicators that hold the grade back; within that, most "
                     "progress for the effort. "
                     "Only scenarios that fit {subject}, that it does not already have, whose "
                     "prerequisites are met and that build at most one grade above it are listed.",
                     "按实施路线图的顺序列出，其后是排在路线图之后的场景：先打基础，再实施能提升制约等级的指标的场景；"
                     "同一类中按单位投入带来的进展排序。只列出适合{subject}、{subject}尚不具备、前提条件已满足"
                     "且不超出{subject}现有等级一级以上的场景。"),
    "scenario": ("Scenario", "场景"),
    "effort": ("Effort", "投入"),
    "raises": ("Raises", "提升"),
    "after_phase": (" (counted from where phase {n} leaves it)", "（按第 {n} 阶段完成后的水平计）"),
    "raises_score": ("the total score by {gain} (no indicator changes level on its own)",
                     "总分 {gain}（单独实施不改变任何指标的等级）"),
    "raises_little": ("the total score by less than +0.01 (no indicator changes level on its own)",
                      "总分提升不足 0.01（单独实施不改变任何指标的等级）"),
    "raises_progress": ("progress on the next grade's rules (no indicator changes level on its own)",
                        "推进下一等级的达标条件（单独实施不改变任何指标的等级）"),
    "why": ("Why", "推荐理由"),
    "benefits": ("Expected benefits", "预期效益"),
    "missing": ("Not yet in place here", "本企业尚未具备"),
    "why_foundation": ("a foundation: the later steps build on it", "基础性工作，后续场景以此为前提"),
    "why_blocking": ("lifts {names}, where the grade is held back", "提升制约等级的{names}"),
    "why_on_path": ("lifts {names}, on the way to the next grade", "提升迈向下一等级所需的{names}"),
    "why_lagging": ("lifts {names}, still below the grade {subject} already has",
                    "提升仍低于{subject}现有等级的{names}"),
    "why_typical": ("typical for {industry}", "是{industry}行业的典型场景"),
    "why_focus": ("a focus scenario of the industry index", "行业评估指标的重点场景"),
    "why_grade": ("on its own it raises the grade", "单独实施即可提升等级"),
    "why_other": ("fits {subject} and raises its score, but the next grade does not need it yet",
                  "适合{subject}并能提高得分，但尚非迈向下一等级所必需"),
    "why_catch_up": ("brings {names} up to the grade {subject} already has",
                     "将{names}提升到{subject}已达到的等级"),
    "why_in_part": ("already in place in a part of the plant: this step rolls it out to the rest",
                    "已在工厂部分范围实施：此步骤将其推广到其余范围"),
    "why_started": ("begun already: this step completes what is in place", "已有基础：此步骤补齐尚缺部分"),
    "complete_suffix": (" (complete what is in place)", "（补齐已有基础）"),
    "why_target": ("lifts {names} towards the targets set", "将{names}向设定的目标提升"),
    "why_after": ("comes after {names}, whose results it works on: after the roadmap's phases",
                  "应在{names}之后实施，需以其成果为基础，故排在路线图各阶段之后"),
    "why_after_check": ("comes after {names}, whose results it works on; the answers listed under {check} "
                        "decide whether that step is in place already",
                        "应在{names}之后实施，需以其成果为基础；其是否已经具备，取决于“{check}”部分列出的待补充回答"),
    "why_after_check_many": ("comes after {names}, whose results it works on; the answers listed under "
                             "{check} decide whether those steps are in place already",
                             "应在{names}之后实施，需以其成果为基础；其是否已经具备，取决于“{check}”部分列出的待补充回答"),
    "why_before": ("comes first: {names} builds on it", "先行实施：{names}以其为基础"),
    "why_first": ("comes first, in the same phase: {names} runs on it",
                  "同一阶段内先行实施：{names}依托于此"),
    "why_when_used": ("built for the steps that use it, and no step of this roadmap does yet: "
                      "build it with the first that does",
                      "为后续步骤所用，而本路线图中尚无需要它的步骤：待首个需要它的步骤实施时一并建设"),
    "why_finish": ("in place here but for one step, and that step is all the work",
                   "已基本具备，只差一步，要做的就是这一步"),
    "respondents": ("Respondents", "答题人"),
    "summary_portfolio": ("Portfolio summary", "组合汇总"),
    "summary_grade": ("grade", "等级"),
    "summary_enterprises": ("enterprises", "企业数"),
    "summary_dimension": ("dimension", "维度"),
    "summary_mean": ("mean", "均值"),
    "summary_median": ("median", "中位数"),
    "summary_blocking": ("Most common blocking indicators", "最常见的制约指标"),
    "summary_scenarios": ("Most recommended scenarios", "最常推荐的场景"),
    "summary_by_industry": ("By industry", "按行业"),
    "summary_by_size": ("By size", "按规模"),
    "summary_mean_score": ("mean score", "平均得分"),
    "summary_not_yet": ("not yet", "未达一级"),
    "summary_not_yet_l1": ("not yet L1", "未达到一级"),
    "summary_portfolio_short": ("Portfolio", "组合"),
    "notes_title": ("Notes beside the answers", "答题说明"),
    "notes_intro": ("What the assessor wrote beside the answers: the evidence behind them.",
                    "评估人在答案旁写下的说明，即答案的依据。"),
    "history": ("History", "历次评估"),
    "history_title": ("{name}: {n} assessments, {first} to {last}, score {change}",
                      "{name}：{n} 次评估，{first} 至 {last}，得分变化 {change}"),
    "at_level": ("level {n}", "{n} 级"),
    "merged_intro": ("The answers of {n} respondents ({names}) were merged question by question: {rule}.",
                     "本答卷由 {n} 位答题人（{names}）的答案逐题合并而成：{rule}。"),
    "rule_median": ("the median of their answers, rounded down where it falls between two",
                    "取各人答案的中位数，落在两档之间时取低档"),
    "rule_min": ("the lowest answer (a conservative grade)", "取最低答案（保守等级）"),
    "rule_max": ("the highest answer", "取最高答案"),
    "merged_apart": ("They disagree on {n} questions, listed here (two levels or more apart, n/a "
                     "against an answer, or numbers far apart): settle these before relying on the grade.",
                     "其中 {n} 题答案分歧较大（相差两级或以上、一方不适用而另一方作答，"
                     "或数值相差悬殊），列于下方：请先统一这些答案，再采信等级。"),
    "merged_agree": ("No two of them are two levels or more apart on any question.",
                     "各题答案相差均不超过一级。"),
    "please_check": ("Please check", "请核实"),
    "please_check_intro": ("Each combination below is possible, but the level descriptions make it "
                           "unlikely: re-check these answers. They do not change the grade.",
                           "以下答案组合并非不可能，但按各等级的描述不太合理，请再次核实。它们不影响等级。"),
    "check_line": ("{message} ({question}: level {level}; {other}: level {other_level})",
                   "{message}（{question}：{level} 级；{other}：{other_level} 级）"),
    "whatif_cleared": ("No longer holding the grade back: {names}", "不再制约等级：{names}"),
    "whatif_still": ("Still holding the grade back: {names}", "仍制约等级：{names}"),
    "whatif_answers": ("Answers changed", "变动的答案"),
    "whatif_none": ("none: every change is already met", "无：各项变动均已满足"),
    "whatif_unchanged": ("{file} is unchanged: this is a what-if.", "{file} 未被修改：以上为假设推演。"),
    "finish_suffix": (" (the last step)", "（补齐最后一步）"),
    "nearly_title": ("Nearly in place", "差一步即可补齐的场景"),
    "no_projects": ("None of the catalogue's other scenarios passes these tests here; what the next "
                    "grade asks beyond the steps below is listed under the roadmap's first phase.",
                    "目录中的其他场景均不满足上述条件；除下列小步骤外，迈向下一等级还需做到的内容列在实施路线图的第一阶段中。"),
    "nearly_intro": ("Each of these scenarios runs here already but for one step, and no phase of the "
                     "roadmap needs that step: it is a small thing to finish when it suits {subject}, "
                     "not a project.",
                     "以下场景{subject}已基本具备，仅差一步，且路线图各阶段均不需要这一步："
                     "这一步工作量小，可视自身情况择机补齐，无需专门立项。"),
    "finish_description": ("What runs here already covers this scenario up to one step: the one listed "
                           "below as not yet in place. That step is the work.",
                           "本企业已具备此场景的大部分内容，尚缺下列“本企业尚未具备”的一项，要做的就是这一项。"),
    "have": ("Already in place here", "本企业已具备"),
    "begun_description": ("This builds on what runs here already: the step is only what is listed "
                          "below as not yet in place. The scenario in full: {text}",
                          "此项在本企业已有基础，要做的只是下列“本企业尚未具备”的内容。场景全貌：{text}"),
    "up_to_grade_suffix": (" (up to the present grade)", "（补齐至现有等级）"),
    "up_to_grade_description": ("Only the part of this scenario listed below as not yet in place is the step "
                                "now. The scenario in full: {text}",
                                "当前只需实施此场景中下列“本企业尚未具备”的部分。场景全貌：{text}"),
    "why_up_to_grade": ("the rest of the scenario waits until a grade needs it",
                        "场景其余部分待迈向更高等级时再实施"),
    "in_part": ("in part", "部分具备"),
    "and_more": ("and {n} more", "另有 {n} 项"),
    "warn_not_applies": ("{question}: the answer is not counted, the question does not apply to this plant",
                         "{question}：该题对本企业不适用，其答案未计入"),
    "warn_closed": ("{question}: the answer is not counted, the answer to {parent} does not open this "
                    "follow-up", "{question}：{parent} 的回答未开启此追问，其答案未计入"),
    "now_is": ("now: {answer}", "目前：{answer}"),
    "need_at_least": ("at least {x}", "不低于{x}"),
    "need_below": ("below {x}", "低于{x}"),
    "more_of": ("{n} more of: {items}", "还需以下任意{n}项：{items}"),
    "none_of_them": ("none of them", "均无"),
    "now_ticked": ("now {n} of {total}", "目前{total}项中已有{n}项"),
    "why_phase": ("roadmap phase {n}", "路线图第 {n} 阶段"),
    "roadmap": ("Roadmap", "实施路线图"),
    "phase": ("Phase {n}: reach {level}", "第 {n} 阶段：达到{level}"),
    "phase_and_direct": ("Phase {n}: reach {level} with the steps below and {k} indicators "
                         "improved directly{far}",
                         "第 {n} 阶段：实施下列场景并直接改进 {k} 项指标{far}，达到{level}"),
    "phase_far": (", {k} of them by two levels or more", "（其中 {k} 项需提升两级及以上）"),
    "phase_far_one": (", by two levels or more", "（需提升两级及以上）"),
    "phase_needs": ("{name} waits for {names}, which the previous phase brings",
                    "{name}需先具备{names}（由上一阶段实现）"),
    "phase_improve": ("Improve: {names}", "需改进：{names}"),
    "phase_without": ("This phase reaches {level} without raising these indicators of the path to "
                      "{level} above: {names}.",
                      "本阶段无需提升上文升至{level}的路径中的以下指标即可达到{level}：{names}。"),
    "phase_direct_card": ("Phase {n}: the indicators to improve directly", "第 {n} 阶段：需直接改进的指标"),
    "phase_direct_steps": ("What improving them directly asks, beyond the steps above:",
                           "直接改进上述指标，除上述场景外还需做到："),
    "phase_direct_later": ("this phase's grade needs this first part of {name}; the step itself comes "
                           "in phase {n}, once a step of this phase it needs is in place, and completes it",
                           "本阶段须先完成{name}的这一部分才能达到目标等级；该场景本身须以本阶段的"
                           "某个步骤为前提，列入第 {n} 阶段，届时完成其余工作"),
    "phase_direct": ("No eligible scenario lifts these far enough; improve them directly: {names}",
                     "以下指标暂无合适场景可提升到位，需直接改进：{names}"),
    "completeness_title": ("Completeness", "完整性"),
    "complete": ("Every question that applies was answered.", "所有适用的问题均已作答。"),
    "incomplete_same": ("{n} questions unanswered; they count as “not yet”. Even answered at the top "
                        "they would not change the grade (best case: score {best_score}).",
                        "有 {n} 个问题未作答，按“未达到”计分；即使全部按最高水平作答，等级也不会改变"
                        "（最好情况得分 {best_score}）。"),
    "unrated_items": ("{n} checklist items of answered questions were left unrated; they count as "
                      "not met: {items}.",
                      "已作答问题中有 {n} 个检查项未评价，按“不满足”计分：{items}。"),
    "to_check": ("Whether the following are already in place turns only on answers not given "
                 "(items not rated, questions not answered), so they are not advised until those are "
                 "given: {names}.",
                 "以下场景是否已经具备仅取决于尚未给出的回答（未评价的检查项、未作答的问题），因此在补充回答之前不列为建议：{names}。"),
    "not_rated": ("not rated", "未评价"),
    "why_not_title": ("Why not {level}", "为何尚未达到{level}"),
    "level_n_score": ("Level-{n} score", "第 {n} 级得分"),
    "continues": ("continued", "续"),
    "incomplete": ("{n} questions unanswered; they count as “not yet”. Answered at the top, "
                   "the grade could be {best} (score {best_score}) instead of {now}.",
                   "有 {n} 个问题未作答，按“未达到”计分。若全部按最高水平作答，等级可能为 {best}"
                   "（得分 {best_score}），当前为 {now}。"),
    "target_path": ("Path to the target {level}", "达到目标等级{level}的路径"),
    "targets_path": ("Path to your targets", "达到各项目标的路径"),
    "target_met": ("{name}: {level} asked, {now} already", "{name}：目标{level}，当前已达{now}"),
    "target_planned": ("{name}: {level} asked, {now} now, {after} with the improvements below",
                       "{name}：目标{level}，当前{now}，完成下列改进后为{after}"),
    "target_unreachable": ("{name}: {level} asked, {now} now; no improvement of its indicators "
                           "reaches it (at most {after})",
                           "{name}：目标{level}，当前{now}；提升其各指标也无法达到（最多{after}）"),
    "target_not_applicable": ("{name}: {level} asked, but its questions are all n/a here",
                              "{name}：目标{level}，但其题目均为不适用"),
    "effort_S": ("small", "小"),
    "effort_M": ("medium", "中"),
    "effort_L": ("large", "大"),
    # the size classes of the national statistics (industry); each fits a select at 80 columns
    "tui_size_micro": ("Micro: under 20 staff or under ¥3 M revenue",
                       "微型：不足 20 人或营收不足 300 万元"),
    "tui_size_small": ("Small: 20+ staff, ¥3 M+ revenue (not medium)",
                       "小型：≥20 人且营收 ≥300 万元（未达中型）"),
    "tui_size_medium": ("Medium: 300+ staff, ¥20 M+ revenue (not large)",
                        "中型：≥300 人且营收 ≥2000 万元（未达大型）"),
    "tui_size_large": ("Large: 1,000+ staff and ¥400 M+ revenue",
                       "大型：≥1000 人且营收 ≥4 亿元"),
    "ptype_of_industry": ("{name} (not stated: the industry's usual type)",
                          "{name}（未填写，按行业通常类型）"),
    "ptype_not_stated": ("{name} (not stated)", "{name}（未填写）"),
    "size_micro": ("micro", "微型"),
    "size_small": ("small", "小型"),
    "size_medium": ("medium", "中型"),
    "size_large": ("large", "大型"),
    # ---- the TUI (maturity/tui): footer words by binding id, then screen texts
    "tui_key_next": ("Next", "下一题"),
    "tui_key_what-if": ("What if", "假设推演"),
    "tui_key_close-what-if": ("Close", "关闭"),
    "tui_whatif_title": ("What if…", "假设推演"),
    "tui_whatif_hint": ("Pick a step and press Enter to see the grade it would give; your "
                        "answers stay as they are. Esc closes.",
                        "选择一项并按 Enter，查看完成后的等级；已保存的答案不会改变。按 Esc 关闭。"),
    "tui_whatif_raise": ("Raise {name} to {level}", "将{name}提升至{level}"),
    "tui_whatif_do": ("Do: {name}", "实施：{name}"),
    "tui_whatif_result": ("{what}: grade {grade}, score {score} ({delta})",
                          "{what}：等级{grade}，得分 {score}（{delta}）"),
    "tui_whatif_kept": ("Your saved answers are unchanged.", "已保存的答案未作改动。"),
    "tui_key_back": ("Back", "上一题"),
    "tui_key_skip": ("Skip", "跳过"),
    "tui_key_help": ("Help", "帮助"),
    "tui_key_results": ("Results", "结果"),
    "tui_key_toggle-tree": ("Index", "目录"),
    "tui_key_toggle-grade": ("Grade", "当前等级"),
    "tui_key_notes": ("Notes", "备注"),
    "tui_key_quit": ("Quit", "退出"),
    "tui_key_switch-language": ("中文", "English"),
    "tui_key_save-as": ("Save as", "另存为"),
    "tui_key_edit-profile": ("Profile", "企业信息"),
    "tui_key_cancel-profile": ("Cancel", "取消"),
    "tui_key_save-profile": ("Save", "保存"),
    "tui_key_show-unanswered": ("Unanswered", "未答题"),
    "tui_key_back-to-questions": ("Questions", "返回题目"),
    "tui_key_export-html": ("HTML", "HTML"),
    "tui_key_export-markdown": ("Markdown", "Markdown"),
    "tui_key_export-json": ("JSON", "JSON"),
    "tui_key_export-answers": ("Answers", "答卷"),
    "tui_key_start": ("Start", "开始"),
    "tui_key_cancel-save-as": ("Cancel", "取消"),
    "tui_title": ("Digital-transformation maturity self-assessment", "数字化转型成熟度自评估"),
    "tui_welcome": ("Pick an index, tell us who you are, then answer one question at a time. "
                    "Every answer is saved at once: you can stop and come back whenever you like.",
                    "请选择评估指标、填写企业信息，然后逐题作答。答案随时自动保存，可中断后继续。"),
    "tui_resume": ("Saved assessments (Enter opens)", "已保存的评估（回车打开）"),
    "tui_resume_open": ("{progress} answered", "已答 {progress}"),
    "tui_resume_done": ("complete ({progress})", "已完成（{progress}）"),
    "tui_resume_line": ("{name} · {progress} · {date} · {title}", "{name} · {progress} · {date} · {title}"),
    "tui_new": ("New assessment", "新建评估"),
    "tui_index": ("Index", "评估指标"),
    "tui_index_line": ("{title} · {n} questions{extra} · ~{minutes} min",
                       "{title} · {n} 题{extra} · 约 {minutes} 分钟"),
    "n_conditional": (" + up to {m} if they apply", "（视情况另有至多 {m} 题）"),
    "tui_language": ("Language", "语言"),
    "tui_name": ("Enterprise", "企业名称"),
    "tui_name_placeholder": ("Enterprise name (required)", "企业名称（必填）"),
    "tui_region_placeholder": ("Province or city (optional)", "省份或城市（可选）"),
    "tui_choose": ("(choose)", "（请选择）"),
    "tui_start": ("Start", "开始评估"),
    "tui_profile_title": ("Enterprise profile", "企业基本信息"),
    "tui_profile_intro": ("Correct the enterprise's details. The industry, production type, main product and "
                          "the functions others run change how the answers are weighed and which steps are "
                          "advised; the answers themselves stay as they are. Esc leaves it unchanged.",
                          "修改企业基本信息。行业、生产类型、主要产品和由他方承担的职能会影响得分权重和推荐的场景；"
                          "已作答的内容保持不变。按 Esc 不作修改返回。"),
    "tui_profile_save": ("Save", "保存"),
    "tui_profile_hint": ("Tab or Enter moves between fields · Enter here saves · Esc leaves it unchanged",
                         "Tab 或 Enter 切换字段 · 在此按 Enter 保存 · Esc 不作修改返回"),
    "tui_profile_saved": ("Profile saved; the grade and the advice now use it.",
                          "企业信息已保存，等级和建议已按新信息重新计算。"),
    "tui_profile_moved": ("The question shown does not apply to the plant as it is now: "
                          "here is the next one.",
                          "当前题目已不适用于修改后的企业，已跳到下一道适用的题目。"),
    "tui_start_hint": ("Tab or Enter moves between fields · Space ticks · Enter here starts",
                       "Tab 或回车切换输入项 · 空格键勾选 · 在此按回车即开始"),
    "tui_back": ("Back", "上一题"),
    "tui_next": ("Next", "下一题"),
    "tui_skip": ("Skip", "跳过"),
    "tui_results": ("Results", "查看结果"),
    "tui_na": ("Not applicable", "不适用"),
    "tui_no_na_item": ("This item cannot be n/a: rate it 1-4 (fully, mostly, partly, not met)",
                       "此条目不能选“不适用”：请用 1–4 评价（完全满足、大部分满足、部分满足、不满足）"),
    "tui_notes": ("Evidence or notes (optional)", "佐证或备注（可选）"),
    "tui_no_help": ("No further help for this question.", "本题无补充说明。"),
    "tui_locked_title": ("This assessment is open in another window", "该评估正在另一个窗口中打开"),
    "tui_locked_text": ("Process {pid} on {host} has had it open since {since}. Two windows "
                        "saving one file would undo each other's answers, so this one will not "
                        "write to it. Open it read-only (nothing is saved), or open a copy that "
                        "is saved as a new assessment.",
                        "{host} 上的进程 {pid} 自 {since} 起已打开该评估。"
                        "两个窗口同时保存同一文件会互相覆盖答案，因此本窗口不会写入该文件。"
                        "可以只读打开（不保存任何内容），或打开一份副本并作为新的评估保存。"),
    "tui_locked_read_only": ("Open read-only", "只读打开"),
    "tui_locked_copy": ("Open a copy", "打开副本"),
    "tui_locked_back": ("Back", "返回"),
    "tui_read_only": ("Read-only: open in another window; answers here are not saved.",
                      "只读：该评估已在另一个窗口中打开，此处的答案不会保存。"),
    "tui_level_rule": ("Pick the highest level whose description, and every one below it, is true "
                       "today for most of the plant. Press + when the next level is also true in a "
                       "part of the plant (a pilot, one line or workshop).",
                       "请选择本级及以下各级描述对企业大部分生产均已符合现状的最高等级。"
                       "如果高一级的描述已在部分范围（试点、一条产线或一个车间）符合现状，再按 +。"),
    "tui_level_rule_short": ("The highest level true for most of the plant; + if the next is true in part.",
                             "选择对大部分生产均符合的最高等级；高一级部分符合时再按 +。"),
    "tui_hint_level": ("↑↓ · Enter choose, go on · digit picks only · + next level in part",
                       "↑↓ 移动 · 回车选定并下一题 · 数字键仅选定 · + 高一级部分符合"),
    "tui_hint_yesno": ("↑↓ move · Enter choose and go on · or press Y / N",
                       "↑↓ 移动 · 回车选定并进入下一题 · 也可按 Y / N"),
    "tui_hint_multi": ("↑↓ move · Space ticks · Enter done (nothing ticked: none of these)",
                       "↑↓ 移动 · 空格勾选 · 回车完成（不勾选即“以上都没有”）"),
    "tui_hint_choice": ("↑↓ · Enter choose, go on · the answer's number picks only",
                        "↑↓ 移动 · 回车选定并下一题 · 数字键仅选定"),
    "tui_hint_number": ("Type the number · Enter go on", "输入数值 · 回车进入下一题"),
    "tui_hint_checklist": ("↑↓ item · 1 fully … 4 not met (or ←→) · 5 n/a where offered · Enter next item",
                           "↑↓ 切换条目 · 1 完全满足 … 4 不满足（或 ←→）· 5 不适用（如可选）· 回车下一条"),
    "tui_copy_own_session": ("This file holds other answers than the autosave of the session it was "
                             "saved from: it is kept as its own session, and that autosave is left "
                             "as it was.",
                             "此文件的答案与其来源会话的自动保存不同：已作为独立会话打开，原会话的自动保存保持不变。"),
    "tui_kept_original": ("Your file as you wrote it, with its comments, is kept as {path}; "
                          "answers are saved to the file itself.",
                          "原文件（含注释）已另存为 {path}；答案仍保存在原文件中。"),
    "tui_key_command-palette": ("palette", "命令"),
    "tui_action_dismiss": ("Dismiss menu", "关闭菜单"),
    "tui_palette_search": ("Search for commands…", "搜索命令…"),
    "tui_sys_theme": ("Theme|Change the colours", "主题|更换配色"),
    "tui_sys_quit": ("Quit|Quit now (every answer is already saved)", "退出|立即退出（答案均已保存）"),
    "tui_sys_keys": ("Keys|Show or hide the keys of the focused item", "按键说明|显示或隐藏当前项的按键说明"),
    "tui_sys_maximize": ("Maximize|Show the focused item on the whole screen", "最大化|全屏显示当前项"),
    "tui_sys_minimize": ("Minimize|Back to the normal layout", "还原|恢复正常布局"),
    "tui_sys_screenshot": ("Screenshot|Save an SVG picture of the screen", "截图|将屏幕保存为 SVG 图片"),
    "tui_next_steps": ("Your next three steps", "接下来的三步"),
    "tui_next_steps_2": ("Your next two steps", "接下来的两步"),
    "tui_next_steps_1": ("Your next step", "接下来的一步"),
    "tui_help_quit": ("Press Ctrl+Q to quit; every answer is already saved.",
                      "按 Ctrl+Q 退出；所有回答均已自动保存。"),
    "tui_help_quit_title": ("Do you want to quit?", "要退出吗？"),
    "tui_hint_na": ("Not applicable · Space unticks it · Enter go on",
                    "不适用 · 空格取消勾选 · 回车进入下一题"),
    "tui_hint_help": (" · F1 help", " · F1 查看说明"),
    "tui_hint_help_open": ("F1 again: back to the choices", "再按 F1 返回选项"),
    "tui_progress": ("{done}/{total} · ~{minutes} min left",
                     "已答 {done}/{total} · 约剩 {minutes} 分钟"),
    "tui_progress_short": ("{done}/{total}", "已答 {done}/{total}"),
    "tui_rated": ("{n} of {total} items rated; ↓ for the rest", "已评价 {n}/{total} 条，按 ↓ 查看其余条目"),
    "tui_position": ("question {n} of {total}", "第 {n} 题，共 {total} 题"),
    "tui_provisional": ("· grade now: {code} ({score}/{max}) {name}",
                        "· 当前：{code}（{score}/{max}）{name}"),
    "tui_provisional_short": ("· {code} ({score}/{max})", "· {code}（{score}/{max}）"),
    "tui_a_number": ("a number", "数值"),
    "tui_whole_number": ("a whole number", "整数"),
    "tui_range_between": ("{kind} from {lo} to {hi}", "{lo} 到 {hi} 之间的{kind}"),
    "tui_range_from": ("{kind} of at least {lo}", "不小于 {lo} 的{kind}"),
    "tui_range_to": ("{kind} of at most {hi}", "不大于 {hi} 的{kind}"),
    "tui_number_placeholder": ("number", "数值"),
    "tui_number_invalid": ("Please enter {expected}.", "请输入{expected}。"),
    "tui_number_comma": ("“{value}”: write the decimal mark as a point, {point}.",
                         "“{value}”：小数点请用英文句点，如 {point}。"),
    "tui_number_fraction": ("{value} would count as {value} %: enter {percent} for {percent} %, or "
                            "{value}% if {value} % is meant.",
                            "{value} 将按 {value}% 计：如为 {percent}%，请输入 {percent}；"
                            "确为 {value}% 的，请输入 {value}%。"),
    "tui_number_one": ("1.0 could be 1 % or, as a spreadsheet keeps it, 100 %: enter 100 for 100 %, "
                       "or 1 for 1 %.",
                       "1.0 可能是 1%，也可能是表格软件记作 1.0 的 100%：如为 100%，请输入 100；"
                       "确为 1% 的，请输入 1。"),
    "tui_unreadable": ("{n} answers in the file could not be read; they count as unanswered and stay "
                       "in the file as written until corrected: {ids} (`maturity validate` says why).",
                       "文件中有 {n} 个答案无法读取，在改正之前按未答计，并按原样保留在文件中：{ids}"
                       "（运行 maturity validate 可查看原因）。"),
    "tui_number_left": ("“{typed}” was not kept: {why}",
                        "“{typed}”未保存：{why}"),
    "tui_number_kept": (" The answer stays {value} until a number replaces it.",
                        "答案仍为 {value}，直至输入有效数值。"),
    "tui_ratings": ("fully met|mostly met|partly met|not met", "完全满足|大部分满足|部分满足|不满足"),
    "tui_saved": ("Saved to {path}", "已保存到 {path}"),
    "tui_save_failed": ("Could not save: {reason}", "无法保存：{reason}"),
    "tui_save_as": ("Save a copy of the answers file as", "将答卷另存为"),
    "tui_save_as_exists": ("{path} exists: Enter again replaces it · change the name to keep it · "
                           "Escape cancels",
                           "{path} 已存在：再按回车将其替换 · 修改文件名可保留原文件 · Esc 取消"),
    "tui_save_as_hint": ("Enter saves · Escape cancels · answers are still autosaved",
                         "回车保存 · Esc 取消 · 答案仍会自动保存"),
    "tui_export": ("Export:", "导出："),
    "tui_export_html": ("HTML report", "HTML 报告"),
    "tui_export_markdown": ("Markdown report", "Markdown 报告"),
    "tui_export_json": ("JSON", "JSON"),
    "tui_export_answers": ("Answers (YAML)", "答卷（YAML）"),
    "tui_exported": ("{what} saved:\n{path}", "已导出{what}：\n{path}"),
    "tui_export_failed": ("Could not export {what}: {reason}", "无法导出{what}：{reason}"),
    "tui_download": ("download started", "已开始下载"),
    "tui_corrupt_title": ("Autosave kept aside", "自动保存文件已另存"),
    "tui_corrupt": ("An autosave could not be read and was moved aside, not deleted: {path} ({reason})",
                    "有一个自动保存文件无法读取，已移至（未删除）：{path}（{reason}）"),
    "tui_answers_unreadable": ("Could not read {path}; it will not be overwritten: {reason}",
                               "无法读取 {path}，不会覆盖该文件：{reason}"),
    "tui_computing": ("Computing the diagnosis…", "正在生成诊断…"),
    "tui_unanswered_none": ("Every question is answered.", "所有问题均已作答。"),
    "unrated_short": (" · {n} items unrated", " · {n} 项未评"),
    "tui_unrated_left": ("Every question is answered, but {n} checklist items are unrated and count as "
                         "not met: here is the first.",
                         "所有问题均已作答，但有 {n} 个清单条目未评，按不满足计：已跳到第一个。"),
    "tui_unanswered_count": ("{n} questions unanswered: here is the first.",
                             "还有 {n} 题未答，已跳到第一题。"),
    "tui_need_name": ("Please enter the enterprise name.", "请填写企业名称。"),
    "tui_yes": ("Yes", "是"),
    "tui_no": ("No", "否"),
    "tui_not_yet": ("Not yet / none of these", "尚未开展 / 以上都不符合"),
    "tui_cmd_language": ("Switch language: 中文 / English", "切换语言：中文 / English"),
    "tui_cmd_language_help": ("Every word on screen and in the reports", "界面与报告的语言"),
    "tui_cmd_unanswered": ("Show unanswered questions", "显示未答题"),
    "tui_cmd_unanswered_help": ("Jump to the first question not answered yet", "跳到第一道未作答的题目"),
    "tui_keys": ("Keys: PgDn next · PgUp back · Ctrl+K skip · F2 notes · F3 enterprise profile · "
                 "Ctrl+U first unanswered · Ctrl+T index · Ctrl+R results · Ctrl+G grade on/off · "
                 "Ctrl+S save a copy · Ctrl+L 中文 · Ctrl+P every command · Ctrl+Q quit",
                 "按键：PgDn 下一题 · PgUp 上一题 · Ctrl+K 跳过 · F2 备注 · F3 企业信息 · "
                 "Ctrl+U 第一个未答题 · Ctrl+T 目录 · Ctrl+R 结果 · Ctrl+G 显示/隐藏等级 · "
                 "Ctrl+S 另存 · Ctrl+L English · Ctrl+P 全部命令 · Ctrl+Q 退出"),
    "tui_cmd_profile": ("Edit the enterprise profile (F3)", "修改企业基本信息（F3）"),
    "tui_cmd_profile_help": ("Name, industry, production type, size, main product, functions run by others",
                             "名称、行业、生产类型、规模、主要产品、由他方承担的职能"),
    "tui_cmd_save_as": ("Save as…", "另存为…"),
    "tui_cmd_save_as_help": ("A copy of the answers file, e.g. to send to a consultant",
                             "保存答卷副本，例如发给咨询顾问"),
    "tui_cmd_results": ("Show the results", "查看结果"),
    "tui_cmd_results_help": ("Grade, diagnosis, roadmap and exports", "等级、诊断、路线图与导出"),
    "tui_cmd_jump": ("Jump to", "跳转到"),
    "tpl_header": ("{ref}: {n} questions{extra}, about {m} minutes.",
                   "{ref}：共 {n} 题{extra}，约 {m} 分钟。"),
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
    "tpl_level": ("answer with one number: the highest level whose description, and every "
                  "description below it, is true today for most of the plant (more than half of "
                  "its output). Add + (e.g. 2+) when the next level's description is also true "
                  "today in a part of the plant (a pilot line, one unit or workshop, some "
                  "products), but not yet in most of it:",
                  "填写一个数字：选择本级及以下各级描述对企业大部分生产（一半以上产出）均已符合现状的最高等级。"
                  "如果高一级的描述已在企业的一部分（试点产线、一个装置或车间、部分产品）符合现状、"
                  "但尚未覆盖大部分，在数字后加 +（如 2+）："),
    "tpl_not_yet": ("not yet / none of these", "尚未开展 / 以上都不符合"),
    "tpl_yesno": ("answer: yes or no", "填写 yes（是）或 no（否）"),
    "tpl_number": ("answer: {kind} {unit} ({range})", "填写{kind}{unit}（{range}）"),
    "tpl_a_number": ("a number", "一个数值"),
    "tpl_share": ("; 62 means 62 %, and below 1 % write the sign: 0.5%",
                  "；62 表示 62%，不足 1% 的连同百分号填写，如 0.5%"),
    "tpl_as_written": ("; 0.6 and 0.6% both mean 0.6 %", "；填 0.6 或 0.6% 均表示 0.6%"),
    "tpl_a_whole_number": ("a whole number", "一个整数"),
    "tpl_choice": ("answer with the id of one answer below", "填写下列其中一个答案的编号"),
    "tpl_multi": ("answer: a list of the option ids that apply, e.g. [{example}]",
                  "填写符合的选项编号列表，例如 [{example}]"),
    "tpl_checklist": ("rate each item: fully, mostly, partly or not",
                      "逐项评价：fully（完全满足）、mostly（大部分满足）、"
                      "partly（部分满足）或 not（不满足）"),
    "tpl_energy_intensive": ("is energy a major cost? yes: about a tenth of the production cost or more "
                             "(furnaces, kilns, smelting, reactors, electrolysis, drying, steam-heavy "
                             "wet processing), or a key energy-using unit; no: a minor cost (assembly, "
                             "machining, sewing, packing); leave empty if not known",
                             "能源是否为主要成本之一？yes：约占生产成本的十分之一或以上（工业炉窑、冶炼、反应装置、电解、"
                             "干燥、大量用汽的湿法加工），或属重点用能单位；no：次要成本（装配、机加工、缝制、包装）；"
                             "不清楚可留空"),
    "tpl_product_kind": ("main kind of product, one of: {items}", "主要产品类型，可选：{items}"),
    "tpl_run_elsewhere": ("functions someone else runs for the plant (parent group, joint-venture "
                          "partner, contractor), a list of: {items}; no advice is given in them",
                          "由他方（集团公司、合资方或外包商）为本厂承担的职能，列表，可选：{items}；"
                          "这些职能内的场景不予推荐"),
    "tpl_run_elsewhere_scoped": ("they count in the grade up to {level} only: what the higher levels ask "
                                 "of them is the other company's to build",
                                 "这些职能计入评级时只计到{level}：更高等级的要求应由承担方建设"),
    "tpl_na": ("n/a is accepted if this does not apply to you", "如不适用可填写 n/a"),
    "tpl_only_if": ("(answer only if {cond})", "（仅当 {cond} 时作答）"),
    "tpl_applies": ("(applies only to {what})", "（仅适用于 {what}）"),
    "tpl_notes": ("Optional evidence per question (a checklist's note goes under the question's "
                  "id and covers its items), or why an enterprise field was filled in so "
                  "(enterprise.industry, …): uncomment `notes:` and add lines such as",
                  "可选：每题的佐证说明（清单题的说明写在该题编号下，涵盖其各条目，不按条目分写），或企业信息某项的填写理由"
                  "（enterprise.industry 等）。去掉 `notes:` 前的 # 并按下例添加："),
    "generated": ("Generated by maturity {version} from {questionnaire}.",
                  "由 maturity {version} 根据 {questionnaire} 生成。"),
    "method_note_points": ("Points method with grade rules, described in maturity's documentation "
                           "(methodology).",
                           "采用计分法及等级规则，计分方法见 maturity 文档中的“方法说明”。"),
    "method_note_cmmm": ("Scored level by level as in GB/T 39117 (a level counts from its threshold "
                         "up), described in maturity's documentation (methodology).",
                         "按 GB/T 39117 逐级计分（达到达标线即视为该级达标），"
                         "计分方法见 maturity 文档中的“方法说明”。"),
    "method_note_mean": ("Weighted means on a scale of 0 to {total:g}, without level gates, described "
                         "in maturity's documentation (methodology).",
                         "采用 0–{total:g} 分的加权平均，不设逐级门槛，"
                         "计分方法见 maturity 文档中的“方法说明”。"),
}


def has(key: str) -> bool:
    """Whether ``key`` is an interface string (for words looked up by a derived key)."""
    return key in _STRINGS


_ONE: dict[str, tuple[str, str]] = {
    "merged_apart": ("n", "They disagree on 1 question, listed here (two levels or more apart, n/a "
                     "against an answer, or numbers far apart): settle it before relying on the grade."),
    "phase_and_direct": ("k", "Phase {n}: reach {level} with the steps below and 1 indicator "
                              "improved directly{far}"),
    "incomplete_same": ("n", "1 question unanswered; it counts as “not yet”. Even answered at the top it "
                             "would not change the grade (best case: score {best_score})."),
    "unrated_items": ("n", "1 checklist item of answered questions was left unrated; it counts as "
                           "not met: {items}."),
    "incomplete": ("n", "1 question unanswered; it counts as “not yet”. Answered at the top, "
                        "the grade could be {best} (score {best_score}) instead of {now}."),
    "unrated_short": ("n", " · 1 item unrated"),
    "tui_unrated_left": ("n", "Every question is answered, but 1 checklist item is unrated and counts as "
                              "not met: here it is."),
    "tui_unanswered_count": ("n", "1 question unanswered: here it is."),
    "tui_unreadable": ("n", "1 answer in the file could not be read; it counts as unanswered and stays in "
                            "the file as written until corrected: {ids} (`maturity validate` says why)."),
    "tpl_header": ("m", "{ref}: {n} questions{extra}, about 1 minute."),
}
"""English singulars: the count argument that selects it when it is 1, and the text."""


def t(key: str, lang: str = "en", **kwargs: object) -> str:
    """Interface string ``key`` in ``lang`` (English when unknown), formatted; in English
    the singular (``_ONE``) when its count is 1 ("1 question", never "1 question(s)"), so a
    plural string says "questions", never "question(s)"."""
    en, zh = _STRINGS[key]
    text = zh if lang == "zh" else en
    one = _ONE.get(key)
    if one is not None and lang != "zh" and kwargs.get(one[0]) == 1:
        text = one[1]
    return text.format(**kwargs) if kwargs else text


def paren(text: str, lang: str) -> str:
    """``text`` in parentheses after a word, as the language sets them."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def default_lang() -> str:
    """``zh`` when the environment's locale is Chinese, else ``en``."""
    for var in ("MATURITY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
