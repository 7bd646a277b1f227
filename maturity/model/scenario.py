"""The scenario catalogue of a questionnaire: typical transformation scenarios, what
they deliver, whom they fit, and the product kinds and business functions they refer to.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .answers import Enterprise, Size
from .base import DottedId, Frozen, Id, Text


class IndicatorTarget(Frozen):
    indicator: DottedId
    """``dimension.indicator`` id."""
    level: Annotated[int, Field(ge=1)]
    """Level raised to (in ``raises``) or required (in ``prerequisites``)."""


class Benefit(Frozen):
    text: Text
    """The expected benefit in words."""
    figure: Text | None = None
    """A measured figure, e.g. ``-27.4% defect rate`` (or ``{en: …, zh: …}``)."""
    source: str | None = None
    """Where the figure comes from (a ``seeds/`` source id or a citation)."""


class QuestionTarget(Frozen):
    """A question a scenario works on: a level its answer reaches, or, for a checklist,
    the items it puts in place (in ``begun_when``, also the options of a multiple choice
    that show it begun).  Exactly one of ``level`` and ``items``."""

    question: DottedId
    """Full question id (``dimension.indicator.question``)."""
    level: Annotated[int, Field(ge=1)] | None = None
    """The level the question's answer reaches once the scenario is done."""
    items: list[Id] = []
    """Checklist items the scenario puts in place: the target holds when each one that
    is not ``n/a`` is rated at least "mostly".  A scenario that delivers one practice of
    a wide checklist names it here, so a plant that has that practice is never told to
    start it because the checklist's other items are missing.  In ``begun_when`` only,
    the options of a multiple-choice question may be named instead: the step is begun
    when each one is ticked (e.g. an ERP among the systems in daily use)."""

    @model_validator(mode="after")
    def _level_or_items(self) -> QuestionTarget:
        if (self.level is None) == (not self.items):
            raise ValueError("give exactly one of level, items")
        return self


class Fit(Frozen):
    """The enterprises a scenario fits.  Every given list must contain the enterprise's
    value; an enterprise that does not say (e.g. no product kind given) is not excluded."""

    production_types: list[Id] | None = None
    industries: list[Id] | None = None
    product_kinds: list[Id] | None = None
    sizes: list[Size] | None = None
    """Enterprise size classes (as in the enterprise profile's ``size``)."""
    energy_intensive: list[bool] | None = None
    """The enterprise profile's ``energy_intensive`` (``[true]``: energy is a major cost)."""

    def checks(self, ent: Enterprise, ptype: str | None) -> tuple[tuple[list | None, object], ...]:
        """(allowed values, the enterprise's value) for every property a fit can name."""
        return ((self.production_types, ptype), (self.industries, ent.industry),
                (self.product_kinds, ent.product_kind), (self.sizes, ent.size),
                (self.energy_intensive, ent.energy_intensive))

    def admits(self, ent: Enterprise, ptype: str | None) -> bool:
        """Every named property allows the enterprise's value; one it does not state
        excludes nothing."""
        return all(allowed is None or value is None or value in allowed
                   for allowed, value in self.checks(ent, ptype))

    def stated_by(self, ent: Enterprise, ptype: str | None) -> bool:
        """The enterprise states every property the fit names, each allowed (an
        ``Indicator.minor_for`` holds only on what the enterprise says)."""
        named = [(allowed, value) for allowed, value in self.checks(ent, ptype) if allowed is not None]
        return bool(named) and all(value is not None and value in allowed for allowed, value in named)


class NeedsFirst(Frozen):
    """A scenario a step runs on, for some production types only (a ``needs_first``
    entry; a plain id holds for every type)."""

    scenario: Id
    production_types: list[Id]
    """The production types where the step runs on it; an enterprise whose type is not
    known is not excluded."""


class ProductKind(Frozen):
    """A kind of product an enterprise makes (scenarios may fit only some kinds)."""

    id: Id
    name: Text
    description: Text | None = None


class Function(Frozen):
    """A business function a plant may leave to others (its parent group, a joint-venture
    partner, a contractor); advice in it is not offered to a plant that does."""

    id: Id
    name: Text
    indicators: list[str] = Field(min_length=1)
    """The indicators (``dimension.indicator``) whose activity the function is."""


ScenarioLink = Literal[  # the links the shipped manufacturing indices use
    "factory_build", "product_rd", "process_design", "production_management",
    "production_operations", "operations_management", "product_service", "supply_chain",
    "policy_theme",
]


class Scenario(Frozen):
    """A typical transformation scenario an enterprise can undertake."""

    id: Id
    name: Text
    description: Text | None = None
    small: Text | None = None
    """The step as a small or micro enterprise takes it (a one-page plan signed by the
    owner, a cloud system for orders and stock): shown instead of ``description`` to an
    enterprise whose ``size`` is small or micro."""
    small_omits: list[DottedId] = []
    """Questions the step leaves for later at a small or micro enterprise, as its ``small``
    text says (a steering group, a digital team and key users "come later, when there are
    systems to run"): at such an enterprise they are left out of what it delivers, of what
    shows it done and of what shows it begun, and an indicator it no longer delivers
    anything of leaves ``raises`` (:meth:`at_small_scale`, read through
    ``Questionnaire.scenarios_for``).  Needs ``delivers`` listed."""
    small_done_when: list[QuestionTarget] = []
    """What shows the step done at a small or micro enterprise, in place of ``done_when``,
    where its small text makes a different step of it (the plan: "the whole step" is a
    signed plan broken into projects with a yearly budget, done at roadmap 2, where a larger
    firm's step is done once a written plan, a budget and a digital team exist).  It
    replaces ``done_when`` whole and may not name what ``small_omits`` leaves out.  Empty:
    ``done_when`` without what ``small_omits`` leaves out."""
    process: Text | None = None
    """The step as a process plant takes it (recipes, blends and set points where a
    discrete plant has routings and NC programs): shown instead of ``description`` (and of
    ``small``) to an enterprise whose production type is process."""
    link: Id | None = None
    """Where it belongs, for grouping: in the manufacturing indices a link of the value
    chain (``ScenarioLink``: the 2025 guide's eight, or ``policy_theme``); a model of
    another field uses ids of its own."""
    raises: list[IndicatorTarget] = Field(min_length=1)
    """Indicators this scenario lifts, and to which level."""
    prerequisites: list[IndicatorTarget] = []
    """Indicators that must already be at a level before starting."""
    requires: list[QuestionTarget] = []
    """Questions that must already be at a level before starting (e.g. rolling an MES
    out needs an MES pilot: ``{question: operations.execution.mes, level: 3}``)."""
    done_when: list[QuestionTarget] = []
    """The answers that show the enterprise has already done it, whatever else it
    delivers (e.g. a one-workshop MES pilot is done once an MES runs): when every one
    holds, the scenario is not proposed.  Those on questions it delivers are also its core:
    a part of the scenario cut to the grade the plant has that puts none of them in place is
    no step of it (``delivery.keeps_core``)."""
    begun_when: list[QuestionTarget] = []
    """Answers that show the enterprise has begun it although it does not run it on a
    system yet (e.g. a written, approved plan for the transformation plan), or runs it for
    part of the plant only (checklist items: each rated at least "partly"), or runs the
    system the scenario is about (options of a multiple choice: each ticked): when any one
    holds, the scenario is proposed as completing what is in place.  Without it, a
    scenario is begun when the plant lacks only its last step (``docs/diagnosis.md``)."""
    begun_by_targets: bool = True
    """Whether the last-step rule applies: answers one level below the scenario's targets
    show it begun.  False where the targets are evidence the scenario leaves behind rather
    than the scenario itself (an equipment retrofit delivers metering on the retrofitted
    consumers; metering does not show a retrofit begun): then only ``begun_when`` and
    ``k+`` answers do."""
    delivers: list[QuestionTarget] = []
    """The questions whose answers the scenario, once done, brings to a level.  A
    scenario is not recommended when every applicable one is already there, nor when
    none applies (all ``n/a``); its effect is simulated on these questions.  Empty: every
    question of the ``raises`` indicators, at the indicator's level."""
    fits: Fit | None = None
    """Production types, industries and product kinds it fits (a hard filter)."""
    functions: list[Id] = []
    """Business functions (``functions``) the scenario's work lies in beyond what its
    targets show (e.g. a green supply chain is purchasing's work); not recommended to an
    enterprise that runs any of them elsewhere."""
    foundation: bool = False
    """A foundation (plan, core business systems, network, master data): scheduled
    before everything else while the enterprise is below level 2."""
    industries: list[Id] = []
    """Industries where it is typical (empty: all); a preference, not a filter."""
    effort: Literal["S", "M", "L"] = "M"
    """Rough effort: S (months, one team), M (a year, several teams), L (multi-year)."""
    builds_on: list[Id] = []
    """Scenarios whose results this one works on (prediction models on the condition data
    that monitoring collects): proposed in the same phase, it is listed after them."""
    needs_first: list[Id | NeedsFirst] = []
    """Scenarios this one runs on that may share its phase, listed first (the controlled
    link from the control network to the business systems, before the execution system
    that sends data over it): when the plant lacks one and could start it, it joins the
    phase of this step (reason ``first``), which does not wait."""
    enabler: bool = False
    """Built for the steps that use it (a shop-floor network): kept in the roadmap only
    when the grade needs it or a step of the roadmap uses it (names it in ``builds_on``,
    needs an indicator it raises or a question it delivers); otherwise listed after the
    roadmap (reason ``when_used``, ``docs/diagnosis.md``)."""
    per_post: bool = False
    """Capital work post by post (robots at each hazardous post, new equipment at each
    energy user): what is left at any stage is more of the same purchases, so it is never
    offered as "the last step" with a smaller effort (``docs/diagnosis.md``)."""
    benefits: list[Benefit] = []
    source: str | None = None
    """Where the scenario is defined (e.g. the 2025 typical-scenario guide)."""

    def at_small_scale(self) -> Scenario:
        """The step as a small or micro enterprise takes it: without the questions its small
        text leaves for later (``small_omits``) in what it delivers and what shows it done
        or begun, without an indicator it no longer delivers anything of in ``raises``, and
        done when ``small_done_when`` holds where it has one (it replaces ``done_when``
        whole).  Where the omits leave ``done_when`` empty, the small step is done, like any
        step without ``done_when``, once all it delivers is in place."""
        if not self.small_omits and not self.small_done_when:
            return self
        later = set(self.small_omits)
        update: dict[str, list] = {f: [t for t in getattr(self, f) if t.question not in later]
                                   for f in ("delivers", "done_when", "begun_when")}
        if self.small_done_when:
            update["done_when"] = list(self.small_done_when)
        kept = {t.question.rsplit(".", 1)[0] for t in update["delivers"]}
        gone = {t.question.rsplit(".", 1)[0] for t in self.delivers if t.question in later} - kept
        update["raises"] = [r for r in self.raises if r.indicator not in gone]  # never empty: validated
        return self.model_copy(update=update)

    def first_needs(self, ptype: str | None) -> list[str]:
        """The ids of ``needs_first`` that hold for a production type."""
        return [n if isinstance(n, str) else n.scenario for n in self.needs_first
                if isinstance(n, str) or ptype is None or ptype in n.production_types]
