"""What the lessons compute with: their cases and their self-check questions (numpy only).

- :mod:`~biomech.lessons.cases`: the lifter and the client of the lessons, defined once;
- :mod:`~biomech.lessons.questions`: the self-check questions, answered by the model for
  whichever lifter and client the lesson uses.
- :mod:`~biomech.lessons.rivals`: the other explanations the lessons weigh against the blog's;
- :mod:`~biomech.lessons.claims`: every qualitative claim the README, lessons and docs make
  about what the model shows, with its condition, the files that print it and a check.
"""
