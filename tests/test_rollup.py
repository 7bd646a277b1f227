"""The path search's shortcut: an improvement re-rates only the indicators it can move
and rolls the whole up from their shares (``Plan.indicator_shares`` and ``Plan.total``).
It must give exactly the grade and score of a full run on the improved answers."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import maturity
from maturity.engine import Plan
from maturity.improve import apply
from maturity.normalise import check_answers

from .strategies import answer_sets, build, questionnaires


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_an_improvement_rolled_up_from_what_it_moves_equals_a_full_run(data):
    q = build(data.draw(questionnaires(method="cmmm")))
    ptype = data.draw(st.sampled_from([None, "process", "discrete"]))
    doc = {"format": "maturity-answers/1", "questionnaire": q.ref,
           "enterprise": {"production_type": ptype} if ptype else {}, "answers": data.draw(answer_sets(q))}
    parsed = maturity.load_answers(doc)
    ent = parsed.enterprise
    values = check_answers(q, parsed)
    plan = Plan(q, ptype)
    base = {c.id: c.shares for d in plan.run(values, ent).dims for c in d.children}
    chosen = data.draw(st.dictionaries(st.sampled_from(sorted(plan.inds)),
                                       st.integers(1, len(q.levels)), max_size=6))
    improved = apply(q, values, chosen, ent)
    full = plan.run(improved, ent)
    moved = set().union(*(plan.affected[i] for i in chosen))
    cut = plan.out_of_scope(ent)
    rolled = plan.total({**base, **{i: plan.indicator_shares(i, improved, ent) for i in moved}}, cut)
    assert rolled == (full.level, full.score)
    # an isolated indicator may even be improved on its own, apart from the rest of the plan
    alone = {i: k for i, k in chosen.items() if i in plan.isolated}
    each = {i: plan.indicator_shares(i, apply(q, values, {i: k}, ent), ent) for i, k in alone.items()}
    together = plan.run(apply(q, values, alone, ent), ent)
    assert plan.total({**base, **each}, cut) == (together.level, together.score)
