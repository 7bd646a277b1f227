"""Hypothesis strategies that build *raw* questionnaire and answer dicts.

They go through ``Questionnaire.model_validate`` and the semantic rules like a real
file does (``st.from_type`` would skip the validators).  Every generated
questionnaire is valid, its bands reach level 0 at the bottom and the top level at
the top (so "all answers at the top" can reach the top grade), and conditions only
point at earlier questions.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from maturity.model import Questionnaire
from maturity.validation import check_questionnaire

KINDS = ("level", "checklist", "number", "multi", "yesno", "choice")


@st.composite
def tilings(draw: st.DrawFn, lo: float, hi: float, n: int, better: str = "higher",
            points: bool = False) -> list[dict[str, Any]]:
    """Bands tiling [lo, hi] whose levels go from 0 to n (or n to 0 when lower is better)."""
    count = draw(st.integers(min_value=2, max_value=min(n + 1, 6)))
    cuts = sorted(draw(st.sets(st.integers(min_value=int(lo) + 1, max_value=int(hi) - 1),
                               min_size=count - 1, max_size=count - 1)))
    edges = [lo, *map(float, cuts), hi]
    middle = sorted(draw(st.lists(st.integers(min_value=0, max_value=n),
                                  min_size=count - 2, max_size=count - 2)))
    levels = [0, *middle, n]
    if better == "lower":
        levels = levels[::-1]
    bands = []
    for i in range(count):
        band: dict[str, Any] = {"min": edges[i], "max": edges[i + 1], "level": levels[i]}
        if points and draw(st.booleans()):
            band["fraction"] = levels[i] / n
        bands.append(band)
    return bands


def _text(label: str) -> dict[str, str]:
    return {"en": label, "zh": label}


@st.composite
def questions(draw: st.DrawFn, qid: str, n: int, earlier: list[tuple[str, dict]],
              points: bool, final: frozenset[str] = frozenset()) -> dict[str, Any]:
    kind = draw(st.sampled_from(KINDS))
    q: dict[str, Any] = {"id": qid, "kind": kind, "text": _text(f"question {qid}"),
                         "weight": draw(st.sampled_from([0.0, 0.5, 1.0, 1.0, 2.0, 3.0]))}
    if draw(st.integers(0, 3)) == 0:
        q["allow_na"] = True
    if kind == "level":
        q["anchors"] = {k: _text(f"level {k}") for k in range(0, n + 1)}
    elif kind == "yesno":
        q["level"] = draw(st.integers(1, n))
    elif kind == "checklist":
        size = draw(st.integers(1, 4))
        q["items"] = [{"id": f"i{k}", "text": _text(f"item {k}"), "level": draw(st.integers(1, n)),
                       "weight": draw(st.sampled_from([0.5, 1.0, 2.0])),
                       "allow_na": draw(st.integers(0, 3)) == 0} for k in range(size)]
    elif kind == "number":
        better = draw(st.sampled_from(["higher", "higher", "lower"]))
        q.update(min=0.0, max=100.0, better=better, unit="%",
                 bands=draw(tilings(0.0, 100.0, n, better, points)))
    elif kind == "choice":
        # worst to best: the first worth 0 ("not yet"), the last 1 (the top level); between,
        # rising values, each with its own level or the level its value implies
        middle = sorted(draw(st.lists(st.sampled_from([0.1, 0.25, 0.5, 0.75, 0.9]), max_size=3)))
        values = [0.0, *middle, 1.0]
        levels: list[int | None] = [None] * len(values)
        if draw(st.booleans()):
            levels = sorted(draw(st.lists(st.integers(0, n), min_size=len(values), max_size=len(values))))
            levels[0], levels[-1] = 0, n  # like bands: the worst reaches nothing, the best the top
        q["options"] = [{"id": f"a{k}", "text": _text(f"answer {k}"), "value": v,
                         **({"level": lv} if lv is not None else {})}
                        for k, (v, lv) in enumerate(zip(values, levels, strict=True))]
    elif kind == "multi":
        size = draw(st.integers(1, 5))
        q["options"] = [{"id": f"o{k}", "text": _text(f"option {k}"),
                         "weight": draw(st.sampled_from([1.0, 1.0, 2.0]))} for k in range(size)]
        q["bands"] = draw(tilings(0.0, 100.0, n, "higher", points))
    if kind in ("number", "multi") and draw(st.integers(0, 3)) == 0:
        # requirements only up to the highest level a band gives (max_level)
        top = max(b["level"] for b in q["bands"])
        if top >= 1:
            q["max_level"] = top
    # a follow-up on an earlier question, with a monotone condition
    candidates = [(pid, p) for pid, p in earlier
                  if p["kind"] in ("level", "yesno", "multi")
                  or (p["kind"] == "number" and p["better"] == "higher")]
    if candidates and draw(st.integers(0, 2)) == 0:
        pid, parent = draw(st.sampled_from(candidates))
        if parent["kind"] == "yesno":
            cond: dict[str, Any] = {"question": pid, "equals": True}
        elif parent["kind"] == "multi":
            cond = {"question": pid, "includes": [parent["options"][0]["id"]]}
        elif parent["kind"] == "level":
            cond = {"question": pid, "at_least": draw(st.integers(1, n))}
        else:
            cond = {"question": pid, "at_least": float(draw(st.integers(1, 100)))}
        q["follow_up"] = cond
    # or in scope only when an earlier scope question (yes/no, weight 0) says so
    # (not one a rated question opens: validation refuses it, raising that question could
    # then bring questions into scope)
    scopes = [pid for pid, p in earlier if pid in final and p["kind"] == "yesno" and p["weight"] == 0
              and "follow_up" not in p]
    if "follow_up" not in q and scopes and draw(st.integers(0, 2)) == 0:
        q["applies"] = {"when": {"question": draw(st.sampled_from(scopes)), "equals": True}}
    return q


@st.composite
def questionnaires(draw: st.DrawFn, method: str | None = None) -> dict[str, Any]:
    """A raw, valid questionnaire dict."""
    n = draw(st.integers(min_value=2, max_value=6))
    method = method or draw(st.sampled_from(["cmmm", "points", "mean"]))
    points = method in ("points", "mean")
    earlier: list[tuple[str, dict]] = []
    final: set[str] = set()
    dims = []
    for d in range(draw(st.integers(1, 3))):
        inds = []
        for i in range(draw(st.integers(1, 3))):
            qs = []
            for k in range(draw(st.integers(1, 3))):
                qid = f"d{d}.i{i}.q{k}"
                q = draw(questions(f"q{k}", n, earlier, points, frozenset(final)))
                earlier.append((qid, q))
                qs.append(q)
            if all(q["weight"] == 0 for q in qs):
                qs[0]["weight"] = 1.0
            final.update(f"d{d}.i{i}.{q['id']}" for q in qs)  # weights settled: may be scopes
            ind = {"id": f"i{i}", "name": _text(f"indicator {i}"), "questions": qs,
                   "weight": draw(st.sampled_from([0.5, 1.0, 2.0]))}
            if draw(st.integers(0, 2)) == 0:
                # groups between the indicator and its questions, to depth 2, weighted
                ind["groups"] = [{"id": "g0", "name": _text("group 0"),
                                  "weight": draw(st.sampled_from([1.0, 2.0])),
                                  "groups": [{"id": "h", "name": _text("subgroup")}]},
                                 {"id": "g1", "name": _text("group 1")}]
                for q in qs:
                    q["group"] = draw(st.sampled_from(["g0", "g0.h", "g1"]))
            inds.append(ind)
        dims.append({"id": f"d{d}", "name": _text(f"dimension {d}"), "indicators": inds,
                     "weight": draw(st.sampled_from([0.5, 1.0, 3.0]))})
    covered: set[int] = set()
    for _, q in earlier:
        if q["weight"] > 0:
            covered.update(_levels_of(q, n))
    if covered != set(range(1, n + 1)):
        # yes/no and checklist questions cover only some levels: make every level reachable
        first = dims[0]["indicators"][0]
        first["questions"].append(
            {"id": "cover", "kind": "level", "text": _text("cover"),
             "anchors": {k: _text(f"level {k}") for k in range(0, n + 1)},
             **({"group": "g1"} if "groups" in first else {})})
    if method == "cmmm":
        threshold = draw(st.sampled_from([0.6, 0.8, 1.0]))
        scoring: dict[str, Any] = {
            "method": "cmmm", "threshold": threshold,
            "bands": [{"level": k, "min": k - 1 + threshold} for k in range(1, n + 1)]}
        met_share = draw(st.sampled_from([None, 0.3, 0.5, 0.8]))
        if met_share is not None:
            scoring["met_share"] = met_share
    else:
        total = 100.0 if method == "points" else 3.0
        step = total / (n + 1)
        scoring = {"method": method, "total": total,
                   "bands": [{"level": k, "min": round(k * step, 2)} for k in range(1, n + 1)]}
        plain = [qid for qid, q in earlier if not q.get("allow_na") and "follow_up" not in q
                 and "applies" not in q]
        if plain and draw(st.booleans()):
            lvl = draw(st.integers(1, n))
            at_least = draw(st.integers(1, n))
            among = [plain[0].split(".")[0]]
            reach = {qid: _reach(q, n) for qid, q in earlier}
            pool = [qid for qid, _ in earlier
                    if qid.startswith(among[0] + ".") and reach[qid] >= at_least]
            mandatory = [plain[0]] if reach[plain[0]] >= at_least and draw(st.booleans()) else []
            scoring["requirements"] = [{
                "level": lvl, "at_least": at_least, "count": draw(st.integers(0, len(pool))),
                "among": among, "mandatory": mandatory}]
    indicators = [f"{d['id']}.{i['id']}" for d in dims for i in d["indicators"]]
    scenarios = []
    for s in range(draw(st.integers(0, 4))):
        raises = draw(st.lists(st.sampled_from(indicators), min_size=1, max_size=2, unique=True))
        to = {ind: draw(st.integers(2, n)) for ind in raises}
        pre = draw(st.lists(st.sampled_from(indicators), max_size=1, unique=True))
        scenario: dict[str, Any] = {
            "id": f"s{s}", "name": _text(f"scenario {s}"), "link": "production_operations",
            "effort": draw(st.sampled_from(["S", "M", "L"])),
            "raises": [{"indicator": ind, "level": lv} for ind, lv in to.items()],
            "prerequisites": [{"indicator": p, "level": draw(st.integers(1, to.get(p, n + 1) - 1))}
                              for p in pre],
            "foundation": draw(st.integers(0, 3)) == 0}
        if draw(st.booleans()):
            # deliver some questions of the raised indicators, at levels their answers can reach
            own = [(qid, q) for qid, q in earlier if any(qid.startswith(i + ".") for i in raises)]
            picked = draw(st.lists(st.sampled_from(own), min_size=1, max_size=3,
                                   unique_by=lambda x: x[0])) if own else []
            scenario["delivers"] = [{"question": qid, "level": draw(st.integers(1, max(1, _reach(q, n))))}
                                    for qid, q in picked if _reach(q, n) >= 1]
        if draw(st.integers(0, 3)) == 0:
            scenario["fits"] = {"production_types": [draw(st.sampled_from(["process", "discrete"]))]}
        scenarios.append(scenario)
    raw = {
        "format": "maturity-questionnaire/1", "id": "prop", "version": 1, "scenarios": scenarios,
        "title": _text("property questionnaire"), "languages": ["en", "zh"],
        "levels": [{"id": f"L{k}", "name": _text(f"level {k}")} for k in range(1, n + 1)],
        "scoring": scoring, "dimensions": dims,
        "production_types": [{"id": "process", "name": _text("process"),
                              "weights": {dims[0]["id"]: 5.0}},
                             {"id": "discrete", "name": _text("discrete")}],
    }
    return raw


def _levels_of(q: dict[str, Any], n: int) -> set[int]:
    if q["kind"] == "yesno":
        return {q["level"]}
    if q["kind"] == "checklist":
        return {i["level"] for i in q["items"]}
    if q["kind"] == "choice":
        return set(range(1, _reach(q, n) + 1))
    return set(range(1, q.get("max_level", n) + 1))


def _reach(q: dict[str, Any], n: int) -> int:
    if q["kind"] in ("level",):
        return n
    if q["kind"] in ("number", "multi"):
        return max(b["level"] for b in q["bands"])
    if q["kind"] == "yesno":
        return q["level"]
    if q["kind"] == "choice":
        return max(o.get("level", int(o["value"] * n + 0.5 + 1e-9)) for o in q["options"])
    return max(i["level"] for i in q["items"])


def build(raw: dict[str, Any]) -> Questionnaire:
    q = Questionnaire.model_validate(raw)
    errors = [f for f in check_questionnaire(q) if f[2] == "error"]
    assert not errors, errors
    return q


# ----------------------------------------------------------------------------- answers


def top_answer(question: Any) -> Any:
    kind = question.kind
    if kind == "level":
        return max(question.anchors)
    if kind == "yesno":
        return True
    if kind == "checklist":
        return {i.id: "fully" for i in question.items}
    if kind == "number":
        return question.max if question.better == "higher" else question.min
    if kind == "choice":
        return question.choices[-1].id
    return [o.id for o in question.options]


def bottom_answer(question: Any) -> Any:
    kind = question.kind
    if kind == "level":
        return 0
    if kind == "yesno":
        return False
    if kind == "checklist":
        return {i.id: "not" for i in question.items}
    if kind == "number":
        return question.min if question.better == "higher" else question.max
    if kind == "choice":
        return question.choices[0].id
    return []


def level_answer(half: int) -> int | str:
    """Level answers in order of half steps: 0, "0+", 1, "1+", … (``k+``: level k+1 in part)."""
    return half // 2 if half % 2 == 0 else f"{half // 2}+"


def half_steps(answer: int | str) -> int:
    return 2 * int(str(answer).rstrip("+")) + str(answer).endswith("+")


def answer_for(question: Any) -> st.SearchStrategy[Any]:
    """Any valid (non-n/a) answer to a question."""
    kind = question.kind
    if kind == "level":
        return st.integers(0, 2 * max(question.anchors)).map(level_answer)
    if kind == "yesno":
        return st.booleans()
    if kind == "checklist":
        ratings = st.sampled_from(["fully", "mostly", "partly", "not", 1, 0.8, 0.5, 0])
        return st.fixed_dictionaries({}, optional={
            i.id: st.one_of(ratings, st.just("n/a")) if i.allow_na else ratings for i in question.items})
    if kind == "number":
        return st.one_of(st.integers(0, 100).map(float).map(share_answer),
                         st.floats(0, 100, allow_nan=False, allow_infinity=False).map(share_answer))
    if kind == "choice":
        return st.sampled_from([o.id for o in question.choices])
    return st.lists(st.sampled_from([o.id for o in question.options]), unique=True)


def share_answer(x: float) -> float | int | str:
    """A number answer as a file gives it: below 1 % with its sign ("0.5%"), which a share
    in percent needs (a bare 0.5 is refused there as a likely fraction), and 1 % as 1 (a
    bare 1.0 is refused there as maybe 100 %)."""
    return f"{x!r}%" if 0 < x < 1 else 1 if x == 1 else x


@st.composite
def answer_sets(draw: st.DrawFn, q: Questionnaire, na: bool = True) -> dict[str, Any]:
    """A mapping of question id → answer; some unanswered, some n/a where allowed."""
    out: dict[str, Any] = {}
    for qid, (_, _, question) in q.questions.items():
        choice = draw(st.integers(0, 9))
        if choice == 0:
            continue  # unanswered
        if choice == 1 and na and question.allow_na:
            out[qid] = "n/a"
            continue
        out[qid] = draw(answer_for(question))
    return out


RATING = {"fully": 1.0, "mostly": 0.8, "partly": 0.5, "not": 0.0}


@st.composite
def raised(draw: st.DrawFn, question: Any, current: Any) -> Any:
    """An answer at least as good as ``current`` and different from it (``current`` may be None)."""
    kind = question.kind
    if current is None:
        return draw(answer_for(question))
    if kind == "level":
        top = 2 * max(question.anchors)
        return level_answer(draw(st.integers(min(half_steps(current) + 1, top), top)))
    if kind == "yesno":
        return True
    if kind == "checklist":
        out = dict(current)
        rated = [i.id for i in question.items if out.get(i.id) != "n/a"]
        if not rated:
            return out  # every item is n/a: nothing to raise
        item = draw(st.sampled_from(rated))
        now = RATING.get(out.get(item), out.get(item)) if item in out else 0.0
        better = [r for r in ("fully", "mostly", "partly", "not") if RATING[r] >= now]
        out[item] = draw(st.sampled_from(better))
        return out
    if kind == "number":
        now = float(str(current).removesuffix("%"))
        if question.better == "higher":
            return share_answer(draw(st.floats(now, 100, allow_nan=False)))
        return share_answer(draw(st.floats(0, now, allow_nan=False)))
    if kind == "choice":
        now = next(o for o in question.choices if o.id == current)
        better = [o.id for o in question.choices if o.value >= now.value and o.id != current
                  and (o.level or 0) >= (now.level or 0)]
        return draw(st.sampled_from(better)) if better else current
    extra = [o.id for o in question.options if o.id not in current]
    return list(current) + draw(st.lists(st.sampled_from(extra), unique=True)) if extra else current


def assess_answers(q: Questionnaire, answers: dict[str, Any], **enterprise: Any):
    """Score ``answers`` (question id → answer) for an enterprise described by keywords."""
    from maturity import assess

    return assess(q, {"format": "maturity-answers/1", "questionnaire": q.ref,
                               "enterprise": enterprise, "answers": answers})


def plant_answers(q: Questionnaire, level: int, items: bool = True, **override: Any) -> dict[str, Any]:
    """A plain plant for advice tests: every level answer at ``level`` (or the question's
    top), each checklist's items of a level up to ``level`` in place (``items``; else none),
    every other answer at the bottom; then ``override`` (question id → answer)."""
    answers: dict[str, Any] = {}
    for qid, (_, _, x) in q.questions.items():
        if x.kind == "level":
            answers[qid] = min(level, max(x.anchors))
        elif x.kind == "checklist" and items:
            answers[qid] = {i.id: "fully" if (i.level or 1) <= level else "not" for i in x.items}
        else:
            answers[qid] = bottom_answer(x)
    answers.update(override)
    return answers


def offered(q: Questionnaire, answers: dict[str, Any], **enterprise: Any) -> set[str]:
    """The scenarios the recommender would propose to this enterprise (its candidates)."""
    from maturity.improve import restore_values
    from maturity.recommend import candidates

    a = assess_answers(q, answers, **enterprise)
    return {c.scenario.id for c in candidates(q, restore_values(q, a.answers), a, None, [])}
