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

    def on_mount(self) -> None:
        self.update_marks()

    def _leaf_label(self, qid: str) -> str:
        value = self.state.session.answers.get(qid)
        mark = "–" if value == NA else "✓" if self.state.answered(qid) else "·"
        _, ind, question = self.state.q.questions[qid]
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
        for dim in self.state.q.dimensions:
            node = self.root.add(self._dim_label(dim), expand=current.startswith(dim.id + "."))
            self._dims[dim.id] = node
            for qid in self.state.q.questions:
                if qid.startswith(dim.id + ".") and qid in asked:
                    self._leaves[qid] = node.add_leaf(self._leaf_label(qid), data=qid)
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
            if leaf.parent is not None and not leaf.parent.is_expanded:
                leaf.parent.expand()
            self.move_cursor(leaf)
