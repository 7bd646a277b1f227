"""Finding and loading questionnaires and answers files.

``load_questionnaire`` resolves an id (``general``, ``general@1``) or a path,
applies ``extends:`` overlays on the raw data (so a located error still points
at the file that wrote the value), validates the shape with pydantic and then
the cross-references with :mod:`maturity.validation`, reporting every problem
at once.  Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import _yaml
from ._io import TABLE_SUFFIXES
from ._read import checked
from ._yaml import LocatedDict, locate
from .errors import AnswersError, Issue, NotFoundError, QuestionnaireError, Severity, expect
from .index_cache import bases, stamp
from .model.answers import AnswersFile
from .model.questionnaire import QUESTIONNAIRE_FORMAT, Questionnaire
from .overlay import merge
from .written import choices_of, not_an_id, quote_hint

#: Extra directories searched for questionnaires (``os.pathsep``-separated).
PATH_ENV = "MATURITY_QUESTIONNAIRES"
DEFAULT_QUESTIONNAIRE = "general"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """A shipped data directory (``questionnaires`` or ``seeds``).

    In a wheel they are installed inside the package (``maturity/_data``); in a
    source checkout or an editable install they are read from the repository top.
    """
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def search_dirs() -> list[Path]:
    """Directories searched for a questionnaire id, in order."""
    extra = [Path(p) for p in os.environ.get(PATH_ENV, "").split(os.pathsep) if p]
    return [*extra, data_dir("questionnaires")]


def split_ref(ref: str) -> tuple[str, int | None]:
    """``general@1`` → ``("general", 1)``; ``general`` → ``("general", None)``."""
    ident, _, version = ref.partition("@")
    if version and (not version.isdecimal() or len(version) > 9):  # 4,301 digits: int() refused
        raise NotFoundError(f"bad questionnaire reference {ref[:80]!r}: version must be a whole number")
    return ident, int(version) if version else None


def _looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or os.sep in ref or "/" in ref


def find_questionnaire(ref: str, near: Path | None = None) -> Path:
    """Path of the questionnaire file for an id, ``id@version`` or path.

    ``<id>.yaml`` holds the current version of an index; an older version may be
    kept beside it as ``<id>@<version>.yaml``.  ``near`` (the directory of an
    overlay) is searched first.
    """
    if "\0" in ref or len(ref) > 4096:  # the OS refuses them (ValueError, OSError), not us
        raise NotFoundError(f"questionnaire {ref[:80]!r} not found: not a questionnaire id or file name")
    if _looks_like_path(ref):
        path = Path(ref)
        if not _is_file(path):
            raise NotFoundError(f"questionnaire file not found: {ref}")
        return path
    ident, version = split_ref(ref)
    dirs = ([near] if near else []) + search_dirs()
    names = [f"{ident}@{version}.yaml", f"{ident}.yaml"] if version else [f"{ident}.yaml"]
    for d in dirs:
        for name in names:
            candidate = d / name
            if _is_file(candidate):
                return candidate
    known = ", ".join(sorted(available_ids())) or "none"
    raise NotFoundError(f"questionnaire {ref!r} not found (known: {known})")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the file system (a 300-byte id in an upload)
        return False


def available_ids() -> set[str]:
    ids: set[str] = set()
    for d in search_dirs():
        if d.is_dir():
            ids.update(p.stem.split("@")[0] for p in d.glob("*.yaml") if not p.name.startswith("_"))
    return ids


# --------------------------------------------------------------------------- errors


_FRIENDLY = {
    "extra_forbidden": "unknown field (check the spelling; see docs/authoring.md)",
    "missing": "required field is missing",
}


def pydantic_issues(exc: ValidationError, raw: Any, source: str, prefix: tuple = ()) -> list[Issue]:
    """Turn a pydantic error into located issues (``file:line: field: message``)."""
    issues = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        file, line, field = locate(raw, loc)
        msg = _FRIENDLY.get(err["type"], err["msg"])
        if err["type"] == "extra_forbidden" and loc:
            msg = f"unknown field {loc[-1]!r}"
        elif err["type"] == "string_type":
            msg += quote_hint(err.get("input"))
        elif err["type"] == "literal_error":  # 小微企业 for a size: say what was read
            msg += f"; got {err.get('input')!r}"
        elif err["type"] == "string_pattern_mismatch" and loc[:1] == ("enterprise",):
            # a consultant's 'Machinery' and '机械' got the id pattern as a regular expression
            msg = not_an_id(err.get("input"), choices_of(raw, loc, shared_questionnaire))
        elif err["type"] in ("date_from_datetime_inexact", "date_from_datetime_parsing") and (
                isinstance(err.get("input"), dt.datetime)  # YAML's own timestamp, 2026-05-12T10:00:00
                or (isinstance(err.get("input"), str) and len(err["input"].strip()) > 10
                    and ":" in err["input"])):
            msg = "a date with a time of day (as survey platforms export it); write the date alone, " \
                  "YYYY-MM-DD, e.g. 2026-05-12"
        elif err["type"] == "date_from_number":  # 0, 46154, a Unix time: the model says why
            pass
        elif err["type"].startswith(("date_", "datetime_")):  # 2026/5/12, 12.05.2026, 2026年5月1日
            given = err.get("input")
            shown = repr(given) if isinstance(given, str) else str(given)
            msg = f"{shown} is not a date as written here; write it as YYYY-MM-DD, e.g. 2026-05-12"
        issues.append(Issue(msg, file=file or source, line=line, field=field or None,
                            path=loc, code=err["type"]))
    return issues


# --------------------------------------------------------------------------- extends


def _resolve_raw(path: Path, chain: tuple[str, ...] = ()) -> tuple[Any, list[Issue]]:
    """Raw data of a questionnaire with its ``extends`` chain merged in."""
    raw = _yaml.load_yaml_file(path)
    source = str(path)
    if not isinstance(raw, dict):
        return raw, [Issue("a questionnaire must be a YAML mapping", file=source, line=1)]
    parent_ref = raw.get("extends")
    if not parent_ref:
        return raw, []
    line = raw.key_lines.get("extends") if isinstance(raw, LocatedDict) else None
    key = str(path.resolve())
    if key in chain:
        cycle = " -> ".join([*(Path(c).name for c in chain), path.name])
        return raw, [Issue(f"'extends' makes a cycle: {cycle}", source, line, "extends")]
    try:
        parent_path = find_questionnaire(str(parent_ref), near=path.parent)
    except NotFoundError as exc:
        return raw, [Issue(str(exc), source, line, "extends")]
    parent_raw, issues = _resolve_raw(parent_path, (*chain, key))
    if issues:
        return raw, issues
    _, version = split_ref(str(parent_ref))
    if isinstance(parent_raw, dict) and version is not None and parent_raw.get("version") != version:
        msg = f"extends {parent_ref} but {parent_path} is version {parent_raw.get('version')}"
        return raw, [Issue(msg, source, line, "extends")]
    merged = merge(parent_raw, raw)
    return merged, []


# --------------------------------------------------------------------------- questionnaires


def load_questionnaire(ref: str | os.PathLike[str] = DEFAULT_QUESTIONNAIRE) -> Questionnaire:
    """Load, merge, and validate a questionnaire by id, ``id@version`` or path.

    Raises :class:`QuestionnaireError` listing every problem (``file:line: field:
    message``), :class:`NotFoundError` if there is no such questionnaire, or
    :class:`~maturity.errors.InputFileError` if the file is not readable YAML.

    The parsed index is cached for the whole process; the caller gets its own copy, so
    that changing its lists (``q.scenarios.clear()``) never changes later loads.
    """
    expect(ref, (str, os.PathLike), "load_questionnaire(ref): the questionnaire is an id, id@version or path")
    return shared_questionnaire(ref).model_copy(deep=True)


def shared_questionnaire(ref: str | os.PathLike[str] = DEFAULT_QUESTIONNAIRE) -> Questionnaire:
    """The cached questionnaire itself, for this package's own read-only use (no copy)."""
    path = find_questionnaire(os.fspath(ref))
    _, version = (None, None) if _looks_like_path(os.fspath(ref)) else split_ref(os.fspath(ref))
    resolved = str(path.resolve())
    own = stamp(resolved)
    # an overlay is as fresh as the files it extends: a base edited while a process runs
    # (the TUI, `maturity serve`) came back through the overlay as it was, and directly as
    # it is now
    q = _load_cached(resolved, own, tuple(stamp(p) for p in bases(resolved, own, find_questionnaire)))
    if version is not None and q.version != version:
        ident = q.id
        versions = sorted({q.version} | {int(v) for p in path.parent.glob(f"{ident}@*.yaml")
                                          if (v := p.stem.partition("@")[2]).isdigit()})
        have = ", ".join(f"{ident}@{v}" for v in versions)
        raise NotFoundError(f"questionnaire {ref} not found; the versions here are {have}")
    return q


@lru_cache(maxsize=64)
def _load_cached(path: str, _own: tuple[int, int], _bases: tuple[tuple[int, int], ...]) -> Questionnaire:
    from .index_cache import cached

    return cached(Path(path), search_dirs(), partial(_load_checked, path))


def _load_checked(path: str) -> Questionnaire:
    q, issues = check_questionnaire_file(Path(path))
    errors = [i for i in issues if i.severity is Severity.ERROR]
    if errors or q is None:
        raise QuestionnaireError(f"{path}: invalid questionnaire", errors or issues)
    q._file = path
    return q


def check_questionnaire_file(path: Path) -> tuple[Questionnaire | None, list[Issue]]:
    """Every issue (errors and warnings) of a questionnaire file; the model if it is valid."""
    from .validation import check_questionnaire

    source = str(path)
    raw, issues = _resolve_raw(path)
    if issues:
        return None, issues
    try:
        q = Questionnaire.model_validate(raw)
    except ValidationError as exc:
        return None, pydantic_issues(exc, raw, source)
    issues = [
        Issue(msg, file=f or source, line=ln, field=fld or None, severity=sev, path=tuple(loc),
              code="rule")
        for loc, msg, sev in check_questionnaire(q)
        for f, ln, fld in [locate(raw, loc)]
    ]
    if path.stem.split("@")[0] != q.id and not q.id.startswith("_"):
        issues.append(Issue(f"file name should be {q.id}.yaml so the id can be found", source,
                            raw.key_lines.get("id") if isinstance(raw, LocatedDict) else None,
                            "id", Severity.WARNING))
    bad = any(i.severity is Severity.ERROR for i in issues)
    return (None if bad else q), issues


# --------------------------------------------------------------------------- answers


def load_answers(source: str | os.PathLike[str] | Mapping[str, Any],
                 questionnaire: str | None = None) -> AnswersFile:
    """Load an answers file (path), a one-enterprise table (CSV or XLSX) or a mapping and
    check its shape; ``questionnaire`` is the index of a table row that names none.

    Whether each answer fits its question is checked when it is scored
    (:func:`maturity.assess`) or by :func:`maturity.normalise.check_answers`.
    """
    if isinstance(source, Mapping):
        raw: Any = source
        name = "<answers>"
    elif not isinstance(source, str | os.PathLike):
        from .errors import ArgumentError

        hint = "; for the text of a file (an upload), use maturity.parse_answers()" \
            if isinstance(source, bytes) else ""
        raise ArgumentError(f"load_answers() takes a path or a mapping, not {type(source).__name__}{hint}")
    else:
        name = os.fspath(source)
        if name.lower().endswith(TABLE_SUFFIXES):
            checked(name)  # missing, a folder, too large: as a YAML file is said to be
            return table_answers(name, questionnaire)
        raw = _yaml.load_yaml_file(Path(name))
    return answers_from_raw(raw, name)


def parse_answers(text: str | bytes, source: str = "<text>") -> AnswersFile:
    """An answers file given as its text (an upload, a database field): read exactly as
    :func:`load_answers` reads a file, with the same safe YAML reader (YAML 1.2 numbers:
    ``045`` is 45, ``1:10`` and ``7_4`` are refused; a key given twice is an error; no tags),
    and its errors located at ``source:line``.  Bytes are decoded as UTF-8, as a file's
    are.  A program that parsed the text with ``yaml.safe_load`` and passed the mapping
    would get YAML 1.1's readings (``045`` is 37) and keep the last of two equal keys."""
    expect(text, (str, bytes), "parse_answers() takes an answers file's text (str or bytes)")
    answers = answers_from_raw(_yaml.load_yaml_text(text, source), source)
    answers._on_disk = False  # ``source`` labels errors; no questionnaire is looked up beside it
    return answers


def table_answers(path: str, questionnaire: str | None = None) -> AnswersFile:
    """The answers of a table (CSV or XLSX) that holds one enterprise, each error at its
    cell; ``questionnaire`` for a row that names none.  A table of several enterprises is
    a :class:`UsageError` that says how many: one answers file is one enterprise (a
    one-row survey export was read as YAML and called "not a mapping", and ``report
    -o x.html`` made a folder ``x.html`` of it)."""
    from .columns import settle_texts
    from .errors import UsageError
    from .tabular import BadInput, in_cells, read_csv, read_xlsx

    read = read_xlsx if path.lower().endswith(".xlsx") else read_csv
    first = list(islice(read(Path(path)), 2))
    if len(first) != 1:
        n = sum(1 for _ in read(Path(path), False)) if first else 0
        what = "no enterprise row" if not n else f"{n} enterprises, one per row"
        message = (f"this table holds {what}; one answers file is one enterprise (score a "
                   "table with `maturity score`, or write a report each with -o DIR/)")
        raise UsageError(f"{path}: {message}", [Issue(message, file=path, code="not_one_enterprise")])
    source, raw = first[0]
    if isinstance(raw, BadInput):
        where, _, rest = raw.message.partition(": ")
        file, _, line = where.rpartition(":")
        located = bool(file) and line.isdigit()
        raise AnswersError(raw.message, [Issue(rest, file=file if located else where,
                                               line=int(line) if located else None)])
    if questionnaire is not None and "questionnaire" not in raw:
        raw = raw.copy()
        raw["questionnaire"] = questionnaire
        settle_texts(raw)
    try:
        return answers_from_raw(raw, source)
    except AnswersError as exc:
        raise AnswersError(str(exc), list(in_cells(raw, exc.issues))) from None


def questionnaire_for(answers: AnswersFile, override: str | os.PathLike[str] | None = None,
                      shared: bool = False) -> Questionnaire:
    """The questionnaire an answers file names (or ``override``), errors located in the file.

    A questionnaire that is not installed, or not in the version the file names, is an
    :class:`AnswersError` pointing at the file's ``questionnaire:`` line.  ``shared``: the
    cached questionnaire itself, not a copy, for read-only use inside the package (a copy
    of the general index costs about 15 ms).
    """
    from .errors import expect

    expect(answers, AnswersFile,
           "questionnaire_for(answers): the answers are an AnswersFile (maturity.load_answers)")
    if override is not None:
        expect(override, str | os.PathLike, "questionnaire_for(answers, override): the override is an "
               "id, id@version or path")
    ref = override if override is not None else answers.questionnaire
    name = getattr(answers, "_name", "<answers>")
    try:
        near = name if override is None and getattr(answers, "_on_disk", True) else None
        return questionnaire_near(ref, near, shared)
    except NotFoundError as exc:
        raw = getattr(answers, "_source", None)
        file, line, field = locate(raw, ("questionnaire",)) if raw is not None else (name, None, "")
        if override is not None:
            raise
        raise AnswersError(f"{name}: questionnaire not found",
                           [Issue(exc.message, file=file or name, line=line,
                                  field=field or "questionnaire", path=("questionnaire",),
                                  code="not_found")]) from None


def questionnaire_near(ref: str, answers_path: str | os.PathLike[str] | None,
                       shared: bool = False) -> Questionnaire:
    """The questionnaire ``ref`` names: installed, or else beside ``answers_path``
    (``shared``: the cached one, not a copy)."""
    try:
        return (shared_questionnaire if shared else load_questionnaire)(ref)
    except NotFoundError:
        found = _beside(os.fspath(answers_path), ref) if answers_path is not None else None
        if found is None:
            raise
        return found


def _beside(answers_path: str, ref: str) -> Questionnaire | None:
    """The questionnaire an answers file names, found in the file's own directory when it
    is installed nowhere (a model brought as data, kept with its answers); the installed
    ones and ``MATURITY_QUESTIONNAIRES`` come first, so nothing there is shadowed."""
    if _looks_like_path(ref) or not Path(answers_path).is_file():
        return None  # answers given as a mapping ("<answers>") or a table row: no folder of theirs
    folder = Path(answers_path).parent
    ident, version = split_ref(ref)
    for name in ([f"{ident}@{version}.yaml"] if version else []) + [f"{ident}.yaml"]:
        if (folder / name).is_file():
            q = load_questionnaire(str(folder / name))
            if version is None or q.version == version:
                return q
    return None


def answers_from_raw(raw: Any, name: str) -> AnswersFile:
    if not isinstance(raw, dict):
        raise AnswersError(f"{name}: not an answers file",
                           [Issue("an answers file must be a YAML mapping", file=name,
                                  line=getattr(raw, "line", 1))])
    if raw.get("format") == QUESTIONNAIRE_FORMAT:
        file, line, field = locate(raw, ("format",))
        raise AnswersError(f"{name}: a questionnaire, not answers", [Issue(
            "this file is a questionnaire (an index), not an answers file: score answers against "
            "it with --questionnaire FILE, or keep it beside answers that name it",
            file=file or name, line=line, field=field or "format", path=("format",), code="not_answers")])
    try:
        answers = AnswersFile.model_validate(raw)
    except ValidationError as exc:
        raise AnswersError(f"{name}: invalid answers file", pydantic_issues(exc, raw, name)) from None
    answers._source = raw
    answers._name = name
    return answers


def iter_issue_lines(issues: Iterable[Issue]) -> Iterable[str]:
    for issue in issues:
        yield str(issue)
