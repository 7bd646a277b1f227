"""Calibration of the indices against reference plants and independent assessors.

Scores every committed answers file under ``docs/calibration/answers/<round>/`` against
the questionnaire it names, and compares the grades with the expected grade ranges fixed
(before any scoring) in ``docs/calibration/expected/pNN.yaml``.  See ``docs/calibration.md``.

Files are named ``pNN-<assessor>.yaml`` (general index or an overlay) and
``pNN-sme-<assessor>.yaml`` (SME index).  One figure per line:

    reference_plants: N           plants with at least two assessors
    in_expected_range: X          share of answers files whose grade is in the plant's range
    assessor_grade_agreement: Y   share of plants on which all assessors give the same grade
    assessor_kappa: K             linearly weighted Cohen's kappa, first two assessors per plant
    mean_abs_score_diff: Z        mean |S_a - S_b| between assessors of a plant (0-5 scale)
    sme_in_expected_range: W      as in_expected_range, for the SME index files
    holdout_…                     the same over the plants marked ``holdout: true``, which
                                  were written after the level placements were calibrated

and, from the blind judges' holistic grades in ``docs/calibration/panel/``:

    panel_judges, panel_grade_agreement, panel_kappa   how well the judges agree
    panel_agrees_with_writer      share of plants where the writer's range and the panel's meet
    in_panel_range                share of answers files whose grade is in the panel's range

and, from the reviewers' ratings of the recommendations in ``docs/calibration/reviews/``:

    review_fits_top5: F           mean number of the top 5 recommendations rated "fits"
    review_fit_share_top5: F5     the same as a share of the recommendations listed, x 5
                                  (a report listing 3, all fitting, counts 5 here, 3 above)
    review_already_has: A         recommendations rated "already has" (target 0)
    review_misfit_phase1: M       phase-1 recommendations rated "does not fit" (target 0)
    review_nearly_rated: R        steps listed apart as "Nearly in place" that were rated
                                  (``nearly:`` in a review; not among the figures above)
    review_nearly_already_has: H  of those, rated "already has"

and the same three over every round's reviews (``reviews/roundN/`` too): each current
recommendation takes the majority verdict of every review of the same plant, the same
scenario as titled and the same phase, the worse verdict on a tie; one reviewer's
reading, which moves the single-round figures by several points from round to round on
the same advice, then counts once among many:

    review_consensus_fits_top5, review_consensus_already_has,
    review_consensus_misfit_phase1
    review_consensus_votes        mean number of reviews behind a verdict

and the same again counting only the reviews that read the same text: the description the
report gave the step in the report that reviewer read (``reports/roundN/pNN.md``, N the
round in the reviewer's id; a review whose report is not kept is left out). A step whose
description was rewritten is then judged on its new wording only:

    review_same_text_fits_top5, review_same_text_already_has,
    review_same_text_misfit_phase1, review_same_text_votes

Usage::

    python benchmarks/calibration.py                 # the current round ("after")
    python benchmarks/calibration.py --round before  # the answers given to general@1
    python benchmarks/calibration.py --plants        # one line per plant
    python benchmarks/calibration.py --questions 20  # where the assessors differ most
    python benchmarks/calibration.py --retest round3 # fresh sessions vs an earlier round
    python benchmarks/calibration.py --from 31       # the plants written after round 85 only
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import mean

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import maturity  # noqa: E402

CAL = ROOT / "docs" / "calibration"
NAME = re.compile(r"^(p\d+)-(sme-)?([a-z]\w*)\.yaml$")


@dataclass
class Scored:
    plant: str
    sme: bool
    assessor: str
    path: Path
    assessment: maturity.Assessment


def expected() -> dict[str, dict]:
    """Plant id → its expected-grade file (``docs/calibration/expected/pNN.yaml``)."""
    out = {}
    for path in sorted((CAL / "expected").glob("p*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["plant"]] = data
    return out


def score_round(round_: str) -> list[Scored]:
    out = []
    for path in sorted((CAL / "answers" / round_).glob("p*.yaml")):
        m = NAME.match(path.name)
        if not m:
            continue
        answers = maturity.load_answers(path)
        q = maturity.questionnaire_for(answers)
        out.append(Scored(m.group(1), bool(m.group(2)), m.group(3), path, maturity.assess(q, answers)))
    return out


def in_range(grade: int, rng: dict | None) -> bool:
    return rng is not None and rng["min"] <= grade <= rng["max"]


def lowest(expected: dict | None) -> int | None:
    """The lower end of a plant's expected grade (its ``expected/pNN.yaml``), None where it
    has none."""
    return ((expected or {}).get("expected_grade") or {}).get("min")


# --------------------------------------------------------------- re-assessment rounds' helpers
# (docs/calibration/reassess/roundN/: fresh sessions re-answer a few questions; their figures:
# benchmarks/reassess.py --figures, from the round's round.yaml)

def given(value: object) -> object | None:
    """A re-assessment session's answer, or None where it gave none: a blank, or the word
    None (one session of round 145 wrote it)."""
    return None if value in (None, "None") else value


def with_answers(doc: dict, got: Mapping, qids: Collection[str]) -> dict:
    """A copy of an answers document whose answers to ``qids`` are a session's (``got``,
    its ``answers`` mapping): each takes the session's answer, and one the session left
    out (a follow-up it did not open, ``given``) is left out."""
    import copy

    out = copy.deepcopy(doc)
    answers = out["answers"]
    for qid in qids:
        answers.pop(qid, None)
        if given(got["answers"].get(qid)) is not None:
            answers[qid] = got["answers"][qid]
    return out


def answer_level(value: object) -> float | None:
    """A level answer as a number (``3+`` is 3.5); None for blank and n/a."""
    text = str(value)
    if text in ("None", "n/a"):
        return None
    return float(text[:-1]) + 0.5 if text.endswith("+") else float(text)


def text_at(commit: str, path: str) -> str:
    """A file of this checkout as it was at ``commit`` (git show; ``path`` from the root)."""
    import subprocess

    return subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def answers_at(commit: str, name: str) -> dict:
    """A reference plant's answers document (``pNN-a``, ``pNN-b``) as it was at ``commit``:
    what a re-assessment's sessions found, after the round has replaced the answers."""
    return yaml.safe_load(text_at(commit, f"docs/calibration/answers/after/{name}.yaml"))


def plants_at(commit: str) -> Iterator[tuple[str, dict[str, dict]]]:
    """Each reference plant with general-index answers (``pNN-a``, ``pNN-b``) and its two
    documents as they were at ``commit``, in plant order."""
    listing = text_at(commit, "docs/calibration/answers/after/")  # git show of a tree: its names
    for plant in sorted({m.group(1) for m in re.finditer(r"^(p\d+)-a\.yaml$", listing, re.M)},
                        key=lambda p: int(p[1:])):
        yield plant, {side: answers_at(commit, f"{plant}-{side}") for side in ("a", "b")}


@cache
def questionnaire_at(commit: str, name: str = "general") -> maturity.Questionnaire:
    """A shipped questionnaire as it was at ``commit`` of this checkout (git show), read once
    per run (a round's figures ask for the same commit's index for each question)."""
    import tempfile

    text = text_at(commit, f"questionnaires/{name}.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return maturity.load_questionnaire(str(path))


def weighted_kappa(pairs: list[tuple[int, int]], categories: int = 6) -> float:
    """Linearly weighted Cohen's kappa of two raters' grades (0 … categories - 1)."""
    if not pairs:
        return float("nan")
    k = categories
    n = len(pairs)
    observed = [[0.0] * k for _ in range(k)]
    for x, y in pairs:
        observed[x][y] += 1 / n
    rows = [sum(r) for r in observed]
    cols = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    disagree_obs = sum(abs(i - j) / (k - 1) * observed[i][j] for i in range(k) for j in range(k))
    disagree_exp = sum(abs(i - j) / (k - 1) * rows[i] * cols[j] for i in range(k) for j in range(k))
    return 1.0 if disagree_exp == 0 else 1 - disagree_obs / disagree_exp


def figures(scored: list[Scored], exp: dict[str, dict]) -> dict[str, float]:
    general = [s for s in scored if not s.sme]
    sme = [s for s in scored if s.sme]
    by_plant: dict[str, list[Scored]] = defaultdict(list)
    for s in general:
        by_plant[s.plant].append(s)
    rated = {p: sorted(v, key=lambda s: s.assessor) for p, v in by_plant.items() if len(v) >= 2}
    pairs = [(v[0].assessment.level, v[1].assessment.level) for v in rated.values()]
    return {
        "reference_plants": len(rated),
        "in_expected_range": _share([in_range(s.assessment.level, exp.get(s.plant, {}).get("expected_grade"))
                                     for s in general]),
        "assessor_grade_agreement": _share([len({s.assessment.level for s in v}) == 1
                                            for v in rated.values()]),
        "assessor_kappa": weighted_kappa(pairs),
        "mean_abs_score_diff": mean(abs(v[0].assessment.score - v[1].assessment.score)
                                    for v in rated.values()) if rated else float("nan"),
        "sme_in_expected_range": _share([in_range(s.assessment.level,
                                                  exp.get(s.plant, {}).get("expected_sme_level"))
                                         for s in sme]),
    } | _holdout(general, sme, exp)


def _holdout(general: list[Scored], sme: list[Scored], exp: dict[str, dict]) -> dict[str, float]:
    """The same shares over the plants held out of the calibration of the level placements."""
    held = {p for p, e in exp.items() if e.get("holdout")}
    if not held:
        return {}
    return {
        "holdout_plants": len({s.plant for s in general if s.plant in held}),
        "holdout_in_expected_range": _share([
            in_range(s.assessment.level, exp[s.plant]["expected_grade"])
            for s in general if s.plant in held]),
        "holdout_sme_in_expected_range": _share([
            in_range(s.assessment.level, exp[s.plant].get("expected_sme_level"))
            for s in sme if s.plant in held]),
    }


def panel() -> dict[str, dict]:
    """Plant id → the blind judges' ``{"grades": [...], "range": {"min", "max"}}``.

    Rule fixed before the judges were read: the panel range holds every grade that at
    least two of the judges list as defensible (``docs/calibration/panel/``)."""
    judges = [yaml.safe_load(p.read_text(encoding="utf-8"))["plants"]
              for p in sorted((CAL / "panel").glob("judge*.yaml"))]
    out = {}
    for plant in sorted(set().union(*judges)) if judges else ():
        said = [j[plant] for j in judges if plant in j]
        ok = [g for g in range(6) if sum(g in x["defensible"] for x in said) >= 2]
        out[plant] = {"grades": [x["grade"] for x in said],
                      "range": {"min": min(ok), "max": max(ok)} if ok else None}
    return out


def panel_figures(scored: list[Scored], exp: dict[str, dict]) -> dict[str, float]:
    """How the blind judges' holistic grades compare with each other, with the writers'
    expected grades and with the index."""
    pan = {p: v for p, v in panel().items() if p in exp}
    if not pan:
        return {}
    general = [s for s in scored if not s.sme]
    pairs = [(v["grades"][0], v["grades"][1]) for v in pan.values() if len(v["grades"]) >= 2]
    return {
        "panel_judges": max(len(v["grades"]) for v in pan.values()),
        "panel_grade_agreement": _share([len(set(v["grades"])) == 1 for v in pan.values()]),
        "panel_kappa": weighted_kappa(pairs),
        "panel_agrees_with_writer": _share([
            in_range(v["range"]["min"], exp[p]["expected_grade"]) or
            in_range(exp[p]["expected_grade"]["min"], v["range"])
            for p, v in pan.items() if v["range"] and p in exp]),
        "in_panel_range": _share([in_range(s.assessment.level, pan.get(s.plant, {}).get("range"))
                                  for s in general]),
    }


def retest(scored: list[Scored], earlier: list[Scored]) -> dict[str, float]:
    """Test-retest: the same plant, answered again by fresh sessions on the same index."""
    before = {(s.plant, s.sme, s.assessor): s.assessment for s in earlier}
    pairs = [(before[k], s.assessment) for s in scored if (k := (s.plant, s.sme, s.assessor)) in before]
    if not pairs:
        return {}
    return {"retest_files": len(pairs),
            "retest_grade_agreement": _share([x.level == y.level for x, y in pairs]),
            "retest_mean_abs_score_diff": mean(abs(x.score - y.score) for x, y in pairs
                                               if x.method == "cmmm")}


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else float("nan")


def plant_table(scored: list[Scored], exp: dict[str, dict]) -> list[str]:
    rows = ["| plant | index | expected | grades | scores |", "|---|---|---|---|---|"]
    groups: dict[tuple[str, bool], list[Scored]] = defaultdict(list)
    for s in scored:
        groups[(s.plant, s.sme)].append(s)
    for (plant, sme), items in sorted(groups.items()):
        rng = exp.get(plant, {}).get("expected_sme_level" if sme else "expected_grade")
        want = "–" if rng is None else (f"{rng['min']}" if rng["min"] == rng["max"]
                                        else f"{rng['min']}–{rng['max']}")
        items.sort(key=lambda s: s.assessor)
        grades = ", ".join(f"{s.assessor} {s.assessment.level}" +
                           ("" if in_range(s.assessment.level, rng) else " ✗") for s in items)
        scores = ", ".join(f"{s.assessment.score:.2f}" for s in items)
        rows.append(f"| {plant} | {items[0].assessment.questionnaire} | {want} | {grades} | {scores} |")
    return rows


def question_table(scored: list[Scored], top: int) -> list[str]:
    """Questions where the two assessors of a plant differ most (general index only)."""
    by_plant: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        if not s.sme:
            by_plant[s.plant].append(s)
    diffs: dict[str, list[float]] = defaultdict(list)
    status_mismatch: dict[str, int] = defaultdict(int)
    for items in by_plant.values():
        if len(items) < 2:
            continue
        a, b = sorted(items, key=lambda s: s.assessor)[:2]
        qa = {r.id: r for d in a.assessment.dimensions for i in d.indicators for r in i.questions}
        qb = {r.id: r for d in b.assessment.dimensions for i in d.indicators for r in i.questions}
        for qid in qa.keys() & qb.keys():
            x, y = qa[qid], qb[qid]
            if x.status != y.status and "answered" in (x.status, y.status):
                status_mismatch[qid] += 1
            if x.status == y.status == "answered":
                diffs[qid].append(abs((x.level or 0) - (y.level or 0)))
    rows = ["| question | plants | mean level diff | plants differing | answered/blank/n-a mismatch |",
            "|---|---|---|---|---|"]
    ranked = sorted(diffs, key=lambda q: (-mean(diffs[q]), -status_mismatch[q], q))
    for qid in ranked[:top]:
        d = diffs[qid]
        rows.append(f"| `{qid}` | {len(d)} | {mean(d):.2f} | {sum(1 for x in d if x)} | "
                    f"{status_mismatch[qid]} |")
    return rows


def _current(only: Collection[str] | None) -> Iterator[dict]:
    """The current review of each plant (``reviews/pNN.yaml``), of ``only`` those plants."""
    for path in sorted((CAL / "reviews").glob("p*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if only is None or data["plant"] in only:
            yield data


def reviews(only: Collection[str] | None = None) -> dict[str, float]:
    """Figures from the committed reviews (one ``pNN.yaml`` per plant)."""
    top5, share, has, misfit, nearly = [], [], 0, 0, []
    for data in _current(only):
        nearly += [r["rating"] for r in data.get("nearly") or []]
        rated = sorted(data["recommendations"], key=lambda r: r["rank"])
        top5.append(sum(1 for r in rated[:5] if r["rating"] == "fits"))
        share.append(5 * top5[-1] / len(rated[:5]) if rated else 0.0)
        has += sum(1 for r in rated if r["rating"] == "already has")
        misfit += sum(1 for r in rated if r["rating"] == "does not fit" and r.get("phase") == 1)
    if not top5:
        return {}
    return {"reviewed_plants": len(top5), "review_fits_top5": mean(top5),
            "review_fit_share_top5": mean(share),
            "review_already_has": has, "review_misfit_phase1": misfit,
            "review_nearly_rated": len(nearly), "review_nearly_already_has": nearly.count("already has")}


WORSE = {"fits": 0, "already has": 1, "does not fit": 2}


def _majority(prefix: str, votes: Mapping[tuple, Counter[str]],
              key: Callable[[dict, dict], tuple], only: Collection[str] | None = None) -> dict[str, float]:
    """The review figures of the current reviews with each verdict the majority of
    ``votes[key(review, recommendation)]`` (a tie takes the worse verdict)."""
    top5, has, misfit, behind = [], 0, 0, []
    for data in _current(only):
        rated = sorted(data["recommendations"], key=lambda r: r["rank"])
        verdicts = []
        for r in rated:
            c = votes.get(key(data, r)) or Counter([r["rating"]])  # never fewer than its own
            verdicts.append(max(c, key=lambda v: (c[v], WORSE[v])))
            behind.append(sum(c.values()))
        top5.append(sum(1 for v in verdicts[:5] if v == "fits"))
        has += verdicts.count("already has")
        misfit += sum(1 for r, v in zip(rated, verdicts, strict=True)
                      if v == "does not fit" and r.get("phase") == 1)
    if not top5:
        return {}
    return {f"{prefix}_fits_top5": mean(top5), f"{prefix}_already_has": has,
            f"{prefix}_misfit_phase1": misfit, f"{prefix}_votes": mean(behind)}


def _all_reviews() -> Iterator[dict]:
    for path in sorted((CAL / "reviews").glob("**/p*.yaml")):
        yield yaml.safe_load(path.read_text(encoding="utf-8"))


def consensus(only: Collection[str] | None = None) -> dict[str, float]:
    """The review figures with each verdict the majority of every round's reviews of the
    same plant, scenario (as titled) and phase; a tie takes the worse verdict."""
    votes: dict[tuple, Counter[str]] = defaultdict(Counter)
    for data in _all_reviews():
        for r in data["recommendations"]:
            votes[_titled(data, r)][r["rating"]] += 1
    return _majority("review_consensus", votes, _titled, only)


def fleiss_kappa(cards: list[Counter[str]]) -> float:
    """Fleiss' kappa of ratings given by a varying number of raters per item (each at least
    two): the agreement among raters beyond what their overall rating shares give by chance."""
    cats = Counter[str]()
    agree = []
    for votes in cards:
        n = sum(votes.values())
        agree.append((sum(k * k for k in votes.values()) - n) / (n * (n - 1)))
        cats.update(votes)
    total = sum(cats.values())
    chance = sum((k / total) ** 2 for k in cats.values())
    return 1.0 if chance == 1 else (mean(agree) - chance) / (1 - chance)


def reviewer_agreement(only: Collection[str] | None = None) -> dict[str, float]:
    """How far the reviewers agree among themselves on a card (the current reports' cards
    rated by three or more reviews over the rounds): the floor under the review targets,
    since a card the reviewers split on has no verdict to meet."""
    votes: dict[tuple, Counter[str]] = defaultdict(Counter)
    for data in _all_reviews():
        for r in data["recommendations"]:
            votes[_titled(data, r)][r["rating"]] += 1
    cards = [votes[_titled(d, r)] for d in _current(only) for r in d["recommendations"]]
    cards = [c for c in cards if sum(c.values()) >= 3]
    if not cards:
        return {}
    return {"review_cards_3_votes": len(cards),
            "review_cards_split": sum(1 for c in cards if len(c) > 1) / len(cards),
            "review_raters_kappa": fleiss_kappa(cards)}


def _titled(data: dict, r: dict) -> tuple:
    """A recommendation's plant, title and phase."""
    return data["plant"], r["scenario"], r.get("phase", 0)


_HEAD = re.compile(r"^### (\d+)\. (.+)$", re.M)
LAST_STEP = "(the last step)"
LACKS = "- Not yet in place here:"


@cache
def _descriptions(report: Path) -> dict[str, str]:
    """Each recommended step's title → the paragraph under its heading, in one report
    (empty for a report that is not kept)."""
    if not report.exists():
        return {}
    text = report.read_text(encoding="utf-8").split("\n## Roadmap", 1)[0]
    out = {}
    heads = list(_HEAD.finditer(text))
    for k, m in enumerate(heads):
        body = text[m.end():heads[k + 1].start() if k + 1 < len(heads) else len(text)]
        first = next((b.strip() for b in body.split("\n\n") if b.strip()), "")
        if m.group(2).strip().endswith(LAST_STEP):  # one paragraph for every last step: the
            # step itself is the one line of what is not yet in place
            first += "\n" + next((ln for ln in body.splitlines() if ln.startswith(LACKS)), "")
        out[m.group(2).strip()] = first
    return out


def same_text(only: Collection[str] | None = None) -> dict[str, float]:
    """The consensus figures over the reviews that read the same description of a step:
    the one in the report each reviewer read (``reports/roundN``, N from its id)."""
    votes: dict[tuple, Counter[str]] = defaultdict(Counter)
    for data in _all_reviews():
        m = re.search(r"r(\d+)$", str(data.get("reviewer", "")))
        read = _descriptions(CAL / "reports" / f"round{m.group(1)}" / f"{data['plant']}.md") if m else {}
        for r in data["recommendations"]:
            if r["scenario"] in read:
                votes[(*_titled(data, r), read[r["scenario"]])][r["rating"]] += 1

    def key(data: dict, r: dict) -> tuple:
        now = _descriptions(CAL / "reports" / f"{data['plant']}.md")
        return (*_titled(data, r), now.get(r["scenario"], ""))

    return _majority("review_same_text", votes, key, only)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--round", default="after", help="answers round to score (default: after)")
    ap.add_argument("--plants", action="store_true", help="one line per plant")
    ap.add_argument("--retest", metavar="ROUND",
                    help="compare with an earlier round on the same index (test-retest)")
    ap.add_argument("--questions", type=int, nargs="?", const=20, default=0,
                    help="list the N questions where assessors differ most (default 20)")
    ap.add_argument("--from", dest="first", type=int, default=0, metavar="N",
                    help="only plants pN and later (e.g. 31: the fresh holdouts of rounds 86 and 89)")
    args = ap.parse_args(argv)
    exp = {p: e for p, e in expected().items() if int(p[1:]) >= args.first}
    scored = [s for s in score_round(args.round) if s.plant in exp]
    if not scored:
        print(f"no answers files under {CAL / 'answers' / args.round}", file=sys.stderr)
        return 1
    results = figures(scored, exp) | panel_figures(scored, exp)
    if args.retest:
        results |= retest([s for s in scored if not s.sme], score_round(args.retest))
    if args.round == "after":
        only = set(exp) if args.first else None
        results |= reviews(only) | consensus(only) | same_text(only) | reviewer_agreement(only)
    for key, value in results.items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    if args.plants:
        print()
        print("\n".join(plant_table(scored, exp)))
    if args.questions:
        print()
        print("\n".join(question_table(scored, args.questions)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
