"""What a table's columns mean: the field each header names (ids, Chinese aliases,
``id text`` and ``text（id）`` forms), the profile cells that are not plain text, and the
survey platforms' own columns, which are not answers (``tabular`` reads the rows)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .model.answers import Enterprise
from .model.base import texts_of
from .written import text_key

ENTERPRISE_FIELDS = tuple(Enterprise.model_fields)
"""The profile fields, in the order a table's header lists them."""

PROFILE = set(ENTERPRISE_FIELDS)
PROFILE_CELLS = {
    "run_elsewhere": lambda v: [x.strip() for x in _SEPARATORS.split(v.strip("[]")) if x.strip()],
    "energy_intensive": lambda v: _yes_no(v),
    "industry": lambda v: _named("industry", v),
    "production_type": lambda v: _named("production_type", v),
    "product_kind": lambda v: _named("product_kind", v),
    "size": lambda v: _named("size", v),
}
"""Profile fields that are not plain text: a list written in one cell (``purchasing;
transport``), a yes/no, an id that a survey sheet may give by its name."""
_AN_ID = re.compile(r"[a-z][a-z0-9_-]*")


def _named(field: str, value: str) -> str:
    """A profile choice given by its name, English or Chinese, as its id (``汽车`` and
    ``Automotive`` are ``automotive``, ``大型`` and ``中型企业`` are sizes, ``离散型`` and
    ``混合型`` production types, ``零部件`` a product kind): a survey platform's sheet
    holds the labels its respondents picked, and each row was refused as "not an id".  The
    names are the general index's, which every shipped index shares, in their short forms
    (``_forms``); anything else is left as written, for validation to name."""
    if _AN_ID.fullmatch(value):
        return value
    names = _profile_names().get(field, {})
    # a cell's "A 或 B" names two choices: only an index's own name is split at 或 / or
    return next((names[f] for f in _forms(value, alternatives=False) if f in names), value)


_SUFFIXES = ("类产品", "产品", "制造业", "制造", "企业", "行业", "型", " manufacturing", " enterprise",
             " company", " industry", "-sized", " sized")
_SHORT = {
    # product kinds as people name them: the index's names are long descriptions
    "product_kind": {"装备": "equipment", "设备": "equipment", "整机": "equipment", "装备类": "equipment",
                     "零部件": "parts", "零件": "parts", "部件": "parts", "配套件": "parts",
                     "components": "parts", "原材料": "materials", "材料": "materials",
                     "大宗产品": "materials", "消费品": "consumer"},
}
"""Short names that no rule derives from the index's names (``_forms`` does the rest)."""


def _forms(name: str, alternatives: bool = True) -> list[str]:
    """The ways a sheet writes a choice's name, the name itself first: its part before a
    colon (the TUI's "中型：从业人员 300 人及以上……") or before "or" (混合型或未说明), and
    each of those without closing words such as 制造, 企业, 型 or "manufacturing"."""
    out = [text_key(name)]
    for sep in ("：", ":", *(("或", " or ") if alternatives else ()), "（", "("):
        out += [f.split(sep, 1)[0].strip() for f in out if sep in f]
    for f in out:  # grows as it goes: 离散型制造 → 离散型 → 离散
        out += [f.removesuffix(s).strip() for s in _SUFFIXES if f.endswith(s) and len(f) - len(s) >= 2]
    return list(dict.fromkeys(f for f in out if f))


@lru_cache(maxsize=1)
def _profile_names() -> dict[str, dict[str, str]]:
    from .i18n import t
    from .loading import shared_questionnaire

    q = shared_questionnaire("general")
    named: dict[str, list[tuple[str, str]]] = {"size": []}
    for field, choices in (("industry", q.industries), ("production_type", q.production_types),
                           ("product_kind", q.product_kinds)):
        named[field] = [(name, c.id) for c in choices for name in (c.id, *texts_of(c.name))]
    for size in ("micro", "small", "medium", "large"):
        named["size"] += [(t(key, lang), size) for lang in ("en", "zh")
                          for key in (f"size_{size}", f"tui_size_{size}")]
    out: dict[str, dict[str, str]] = {}
    for field, pairs in named.items():
        ids: dict[str, set[str]] = {}
        for name, ident in pairs:
            for form in _forms(name):
                ids.setdefault(form, set()).add(ident)
        # a form that two choices share names neither
        out[field] = {form: next(iter(found)) for form, found in ids.items() if len(found) == 1}
        out[field].update(_SHORT.get(field, {}))
    return out


_SEPARATORS = re.compile(r"[;,，、；]")
_ALIASES = {
    # Chinese column headers as survey platforms and Excel sheets write them
    "企业名称": "enterprise.name", "企业": "enterprise.name", "统一社会信用代码": "enterprise.id",
    "行业": "enterprise.industry", "生产类型": "enterprise.production_type",
    "规模": "enterprise.size", "企业规模": "enterprise.size", "地区": "enterprise.region",
    "省份": "enterprise.region", "产品类型": "enterprise.product_kind",
    "由他方承担的职能": "enterprise.run_elsewhere", "高耗能": "enterprise.energy_intensive",
    "评估日期": "assessed_on", "评估人": "assessor",
    "评估指标": "questionnaire", "问卷": "questionnaire", "语言": "language",
    "所属行业": "enterprise.industry", "企业所属行业": "enterprise.industry", "所在地区": "enterprise.region",
    "所在省份": "enterprise.region", "主要产品类型": "enterprise.product_kind",
}


def _yes_no(value: str) -> bool | str:
    """A cell's yes or no as a boolean; anything else as written (validation says why)."""
    lowered = value.strip().lower()
    if lowered in ("true", "yes", "y", "是"):
        return True
    if lowered in ("false", "no", "n", "否"):
        return False
    return value


@lru_cache(maxsize=4096)  # asked of every cell of every row of a table: once per header
def field(header: str) -> str:
    """The full field a header names (``enterprise.name`` for a bare ``name``)."""
    key = _column(header)
    return f"enterprise.{key}" if key in PROFILE else key


_NUMBERED = re.compile(r"^\s*(?:[QqＱ]\s*)?\d+\s*[、.．:：)）]\s*")
"""A survey platform's question number before a header: ``1、企业名称``, ``Q3.``."""
_KIND_MARK = re.compile(r"\s*[\[【(（](?:单选题|多选题|填空题|矩阵单选题|量表题|下拉框)[\]】)）]\s*$")
"""问卷星's mark of a question's kind after its text: ``[单选题]``."""


def _bare(header: str) -> str:
    """A header without a survey platform's question number and kind mark."""
    return _KIND_MARK.sub("", _NUMBERED.sub("", header.strip()))


def _column(header: str) -> str:
    """The field a CSV header names: an id, a Chinese alias, ``id text`` / ``text（id）``,
    or a question's own text (a survey built from the index exports its questions so),
    each with or without a question number before it (``1、企业名称``)."""
    key = _bare(header)
    if key in _ALIASES:
        return _ALIASES[key]
    for opener, closer in (("（", "）"), ("(", ")")):
        if key.endswith(closer) and opener in key:
            inner = key[key.rindex(opener) + 1:-1].strip()
            if "." in inner and " " not in inner:
                return inner
    first = key.split(maxsplit=1)[0] if key else key
    if "." in first:
        return first
    if " " in key or not key.isascii():  # words, not an id: a question's text?
        asked = set(_question_texts().get(text_key(key), {}).values())
        return asked.pop() if len(asked) == 1 else key  # several: the row's index decides

    return key


def asked_in(header: str, questionnaire: str) -> str | None:
    """The id of the question of ``questionnaire`` (``general@2``) whose text ``header``
    is, where two indices ask it under different ids (``field`` leaves such a header as
    it is)."""
    key = text_key(_bare(header))
    return _question_texts().get(key, {}).get(questionnaire.partition("@")[0].strip())


def settle_texts(raw: dict[str, Any], questionnaire: str | None = None) -> dict[str, Any]:
    """``raw`` with each header that is the text of a question two indices ask under
    different ids (``columns.field`` leaves it as written) named by the row's index, or
    by ``questionnaire`` where the row names none (``score -q``); in place."""
    ref = raw.get("questionnaire") or questionnaire
    if not isinstance(ref, str) or not isinstance(raw.get("answers"), dict):
        return raw
    for key in [k for k in raw["answers"] if "." not in k]:
        qid = asked_in(key, ref)
        if qid is not None and qid not in raw["answers"]:
            raw["answers"][qid] = raw["answers"].pop(key)
            columns = getattr(raw, "columns", None)
            if columns and ("answers", key) in columns:
                columns[("answers", qid)] = columns.pop(("answers", key))
    return raw


@lru_cache(maxsize=1)
def _question_texts() -> dict[str, dict[str, str]]:
    """Each question's text, in every language of every shipped index, → the index's id
    → the question's id."""
    from .loading import available_ids, shared_questionnaire

    ids: dict[str, dict[str, str]] = {}
    for ident in sorted(available_ids()):
        try:
            q = shared_questionnaire(ident)
        except Exception:
            continue
        for qid, (_, _, question) in q.questions.items():
            for text in texts_of(question.text):
                ids.setdefault(text_key(text), {})[ident] = qid
    return ids


SURVEY_COLUMNS = frozenset(name.casefold() for name in (
    # 问卷星, 腾讯问卷, 金数据, 问卷网
    "序号", "编号", "答卷编号", "提交答卷时间", "提交时间", "开始时间", "结束时间", "答题时间",
    "所用时间", "答题时长", "来源", "来源详情", "来自IP", "IP", "IP地址", "填写设备", "浏览器",
    "操作系统", "总分", "用户ID", "微信昵称", "昵称", "地理位置", "填写人", "电子邮箱",
    # Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics
    "Timestamp", "Start time", "Completion time", "Last modified time", "Email", "Email Address",
    "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Response ID",
    "ResponseId", "RecordedDate", "StartDate", "EndDate", "Status", "IPAddress", "Progress",
    "Duration (in seconds)", "Finished", "DistributionChannel", "UserLanguage",
    "LocationLatitude", "LocationLongitude", "Submitted at", "Submission time"))
"""Columns a survey platform adds to its export (row number, times, IP, device): not
answers, and not read as answers (every row of a 问卷星 export failed on "unknown question
id '序号'"). Any other column that is no field stays an error at its cell."""


@lru_cache(maxsize=4096)  # asked of every cell of every row of a table: once per header
def survey_column(header: str) -> bool:
    """Whether ``header`` is one of a survey platform's own columns (``SURVEY_COLUMNS``)."""
    return header.strip().casefold() in SURVEY_COLUMNS


def survey_columns(header: list[str]) -> list[str]:
    """The survey platform's own columns of a header row, as written."""
    return [h.strip() for h in header if survey_column(h)]
