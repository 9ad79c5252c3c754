"""Handing memory the run has freed back to the system.

A run allocates and frees the same few megabytes for every batch and round (bodies, their
converted blocks, the statements that write them). Python frees them, but glibc's allocator
keeps most of that memory mapped, in pieces scattered between live objects, so the process's
resident size creeps up with every round of a long import. `malloc_trim` returns the free
pages to the system; called between rounds, it keeps the peak where one round puts it, whatever
the size of the export. Elsewhere than glibc it does nothing.
"""

import ctypes
import ctypes.util

_trim = None
try:
    _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    _trim = _libc.malloc_trim
    _trim.argtypes = [ctypes.c_size_t]
    _trim.restype = ctypes.c_int
except (OSError, AttributeError):  # not glibc
    _trim = None


def release_freed_memory() -> None:
    if _trim is not None:
        _trim(0)
