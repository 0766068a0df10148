"""Models built on the anatomy (numpy only).

- :mod:`~biomech.model.lockout`: the compensation of restricted hip extension at lockout;
- :mod:`~biomech.model.lift`: the same along the lift, floor to lockout;
- :mod:`~biomech.model.thomas`: a modified Thomas test read into the restricting tissues, each
  calibrated where the test found it and solved at lockout (its sources' data in
  :mod:`~biomech.model.thomas_sources`, its lesson tables in :mod:`~biomech.model.thomas_tables`).
"""
