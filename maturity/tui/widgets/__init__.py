"""One widget per question kind; each posts :class:`AnswerChanged` when the answer changes."""
