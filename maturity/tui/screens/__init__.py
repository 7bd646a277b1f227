"""The screens of the assessment: welcome, question, result."""
