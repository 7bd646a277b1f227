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
