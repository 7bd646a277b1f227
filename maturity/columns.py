"""What a table's columns mean: the field each header names (ids, Chinese aliases,
``id text`` and ``text（id）`` forms), the profile cells that are not plain text, and the
survey platforms' own columns, which are not answers (``tabular`` reads the rows)."""

from __future__ import annotations

import re
from functools import lru_cache

from .model.answers import Enterprise

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
    ``Automotive`` are ``automotive``, ``大型`` is ``large``): a survey platform's sheet
    holds the labels its respondents picked, and each row was refused as "not an id".  The
    names are the general index's, which every shipped index shares; anything else is left
    as written, for validation to name."""
    if _AN_ID.fullmatch(value):
        return value
    return _profile_names().get(field, {}).get(value.strip().casefold(), value)


@lru_cache(maxsize=1)
def _profile_names() -> dict[str, dict[str, str]]:
    from .i18n import t
    from .loading import shared_questionnaire

    q = shared_questionnaire("general")
    out: dict[str, dict[str, str]] = {"size": {}}
    for field, choices in (("industry", q.industries), ("production_type", q.production_types),
                           ("product_kind", q.product_kinds)):
        out[field] = {name.casefold(): c.id for c in choices for name in dict(c.name).values()}
    for size in ("micro", "small", "medium", "large"):
        out["size"].update({t(f"size_{size}", lang).casefold(): size for lang in ("en", "zh")})
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


def _column(header: str) -> str:
    """The field a CSV header names: an id, a Chinese alias, or ``id text`` / ``text（id）``."""
    key = header.strip()
    if key in _ALIASES:
        return _ALIASES[key]
    for opener, closer in (("（", "）"), ("(", ")")):
        if key.endswith(closer) and opener in key:
            inner = key[key.rindex(opener) + 1:-1].strip()
            if "." in inner and " " not in inner:
                return inner
    first = key.split(maxsplit=1)[0] if key else key
    return first if "." in first else key


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
