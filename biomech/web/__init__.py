"""The lab drawn in the browser (numpy only; no matplotlib, no widgets).

- :mod:`~biomech.web.payload`: scenes as JSON (bone outlines once, numbers per state);
- :mod:`~biomech.web.page`: the one self-contained HTML file (``python -m biomech page``);
- ``static/lab.js`` and ``static/lab.css``: the renderer, a plain ES module drawing SVG,
  shipped as package data (no build step, no network).
"""
