"""The index: dimensions with their progress, and every question asked, marked when answered.

Selecting a question jumps to it. Labels are updated in place on every change; the tree
is rebuilt only when the questions asked change (a follow-up opens or closes).
"""

from __future__ import annotations

from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...model.answers import NA
from ...model.base import tr
from ..state import AssessmentState


class IndexTree(Tree[str]):
    def __init__(self, state: AssessmentState, **kw) -> None:
        super().__init__(tr(state.q.title, state.lang), **kw)
        self.state = state
        self.show_root = False
        self._built: tuple[str, ...] = ()
        self._dims: dict[str, TreeNode[str]] = {}
        self._leaves: dict[str, TreeNode[str]] = {}
        self._grouped: set[str] = set()
        """The questions shown under a node of their indicator (it has several asked)."""

    def on_mount(self) -> None:
        self.update_marks()

    def _leaf_label(self, qid: str) -> str:
        value = self.state.session.answers.get(qid)
        mark = "–" if value == NA else "✓" if self.state.answered(qid) else "·"
        _, ind, question = self.state.q.questions[qid]
        if qid in self._grouped:  # under its indicator's node: the question's own words
            return f"{mark} {tr(question.text, self.state.lang)}"
        return f"{mark} {tr(ind.name, self.state.lang)}: {tr(question.text, self.state.lang)}"

    def _dim_label(self, dim) -> str:
        done, total = self.state.progress(dim.id + ".")
        return f"{tr(dim.name, self.state.lang)}  {done}/{total}"

    def _rebuild(self, current: str) -> None:
        self.clear()
        self.root.expand()
        self._dims.clear()
        self._leaves.clear()
        asked = set(self.state.asked())
        by_indicator: dict[str, list[str]] = {}
        for qid in self.state.q.questions:
            if qid in asked:
                by_indicator.setdefault(qid.rsplit(".", 1)[0], []).append(qid)
        # an indicator with several questions is a node of its own: as "indicator: question"
        # the SME index's four "研发、营销与服务: 企业如何…" read alike at 80 columns
        self._grouped = {qid for qids in by_indicator.values() if len(qids) > 1 for qid in qids}
        for dim in self.state.q.dimensions:
            node = self.root.add(self._dim_label(dim), expand=current.startswith(dim.id + "."))
            self._dims[dim.id] = node
            for iid, qids in by_indicator.items():
                if not iid.startswith(dim.id + "."):
                    continue
                parent = node
                if len(qids) > 1:
                    ind = self.state.q.questions[qids[0]][1]
                    parent = node.add(tr(ind.name, self.state.lang), expand=True)
                for qid in qids:
                    self._leaves[qid] = parent.add_leaf(self._leaf_label(qid), data=qid)
        self._built = tuple(self.state.asked())

    def update_marks(self, current: str = "") -> None:
        """Refresh progress and marks; show ``current``."""
        if tuple(self.state.asked()) != self._built:
            self._rebuild(current)
        else:
            for dim in self.state.q.dimensions:
                self._dims[dim.id].set_label(self._dim_label(dim))
            for qid, leaf in self._leaves.items():
                leaf.set_label(self._leaf_label(qid))
        leaf = self._leaves.get(current)
        if leaf is not None:
            above = leaf.parent
            while above is not None:  # its indicator's node and its dimension's
                if not above.is_expanded:
                    above.expand()
                above = above.parent
            self.move_cursor(leaf)
