"""What the lessons compute with: their cases and their self-check questions (numpy only).

- :mod:`~biomech.lessons.cases`: the lifter and the client of the lessons, defined once;
- :mod:`~biomech.lessons.questions`: the self-check questions, answered by the model for
  whichever lifter and client the lesson uses.
"""
