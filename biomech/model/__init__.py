"""Models built on the anatomy (numpy only).

- :mod:`~biomech.model.lockout`: the compensation of restricted hip extension at lockout;
- :mod:`~biomech.model.lift`: the same along the lift, floor to lockout;
- :mod:`~biomech.model.thomas`: a modified Thomas test read into a restricting tissue.
"""
