"""Kernels for the executor: the tracing kernel, started as its own process or forked by a zygote.

Imported by ``scripts/execute_notebooks.py`` only when a notebook has to run (jupyter_client is
slow to import, and a build with nothing to execute should not pay for it).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.local_provisioner import LocalProvisioner

KERNEL_WRAPPER = Path(__file__).resolve().parent / "traced_kernel.py"


class Zygote:
    """A process that has imported the kernels' heavy modules once and forks a kernel on request.

    Starting a kernel and importing pandas and matplotlib is most of a notebook's run time; a
    forked kernel starts with them imported. See ``traced_kernel.zygote``.
    """

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lock = asyncio.Lock()

    @classmethod
    async def start(cls, root: Path, trace: Path) -> Zygote:
        env = {
            **os.environ,
            "NB_TRACE_FILE": str(trace),
            "NB_TRACE_ROOT": str(root),
            "JPY_PARENT_PID": str(os.getpid()),
        }  # as jupyter_client gives a kernel
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(KERNEL_WRAPPER),
            "--zygote",
            cwd=str(root),
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        return cls(process)

    async def spawn(self, argv: list[str], cwd: str, env: dict[str, str]) -> int:
        """The pid of a forked kernel; 0 if the zygote refused (start it the usual way)."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        async with self.lock:
            self.process.stdin.write(json.dumps({"argv": argv, "cwd": cwd, "env": env}).encode() + b"\n")
            await self.process.stdin.drain()
            answer = await self.process.stdout.readline()
        if not answer.strip().isdigit():
            raise RuntimeError("the kernel zygote did not start (see its error above)")
        return int(answer)

    async def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        await self.process.wait()


class _Forked:
    """The part of subprocess.Popen that jupyter_client uses, for a kernel forked by a zygote."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        while self.poll() is None:
            time.sleep(0.02)
        return 0

    def send_signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):
    """Launches the kernel command by asking the zygote to fork it."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        km = self.parent
        zygote = km.zygote if isinstance(km, TracedKernelManager) else None
        if zygote is None:
            raise RuntimeError("ForkProvisioner needs a TracedKernelManager with a zygote as its parent")
        cwd = str(kwargs.get("cwd") or os.getcwd())
        env = dict(kwargs.get("env") or os.environ)
        pid = await zygote.spawn(cmd[2:], cwd, env)  # cmd: python traced_kernel.py ARGS
        if pid == 0:
            return await super().launch_kernel(cmd, **kwargs)
        self.process = _Forked(pid)  # type: ignore[assignment]
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info


class TracedKernelManager(AsyncKernelManager):
    """The notebook's own kernel (its kernelspec), started through the tracing wrapper."""

    zygote: Zygote | None = None

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:
        if self.provisioner is None and self.zygote is not None:
            self.kernel_id = self.kernel_id or str(uuid.uuid4())
            self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        if "ipykernel_launcher" not in cmd or cmd[cmd.index("ipykernel_launcher") - 1] != "-m":
            raise RuntimeError(f"kernel {self.kernel_name!r} is not ipykernel: {cmd}")
        return [cmd[0], str(KERNEL_WRAPPER), *cmd[cmd.index("ipykernel_launcher") + 1 :]]
