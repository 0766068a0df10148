"""voila.json, the Voila server settings shared by ``make present`` and the browser tests.

Voila reads ``voila.json`` from its working directory (the repository root for both) and
applies each section to the class of that name; a misspelt setting would be ignored
without an error, so these checks load the file onto the real classes.
"""

from __future__ import annotations

import json

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets.config import Config

from tests.voila_server import VOILA_CONFIG

REQUIRED_CULL_SECONDS = 60  # a closed or reloaded page's kernel is gone a minute later


def settings() -> dict:
    return json.loads(VOILA_CONFIG.read_text("utf-8"))


def test_every_kernel_manager_setting_is_a_real_trait_and_is_applied():
    section = settings()["MappingKernelManager"]
    # Voila's default kernel manager (VoilaConfiguration.multi_kernel_manager_class)
    # subclasses MappingKernelManager, so the section applies to it.
    manager = AsyncMappingKernelManager(config=Config({"MappingKernelManager": section}))
    traits = set(AsyncMappingKernelManager.class_trait_names(config=True))
    for name, value in section.items():
        assert name in traits, f"voila.json: MappingKernelManager.{name} is not a setting"
        assert getattr(manager, name) == value, name


def test_culling_removes_unconnected_kernels_within_a_minute_and_spares_connected_ones():
    section = settings()["MappingKernelManager"]
    assert section["cull_connected"] is False  # a lecturer's idle but open page keeps its kernel
    assert section["cull_busy"] is False  # a kernel still running the notebook is never culled
    assert section["cull_idle_timeout"] > 0 and section["cull_interval"] > 0
    # A kernel is culled at the first check after it has been idle for the timeout.
    assert section["cull_idle_timeout"] + section["cull_interval"] <= REQUIRED_CULL_SECONDS - 15
