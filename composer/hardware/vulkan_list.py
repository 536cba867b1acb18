"""The Vulkan physical devices, straight from the Vulkan loader (ctypes).

Why not only ggml's list: ggml numbers its Vulkan devices after filtering
(discrete and integrated GPUs only, duplicates dropped), while the one knob
that picks a device before llama.cpp starts, GGML_VK_VISIBLE_DEVICES, takes
the loader's *physical* index. Knowing the physical list lets the planner pick
an integrated GPU next to a discrete one, and shows software devices such as
Mesa's lavapipe that ggml hides unless named.

Runs inside the probe's child process: a broken driver may crash here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from dataclasses import dataclass

# VkPhysicalDeviceType
VK_TYPES = {0: "other", 1: "integrated", 2: "discrete", 3: "virtual", 4: "cpu"}

_VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO = 1
# VkPhysicalDeviceProperties is about 824 bytes; we read only its head.
_PROPS_BUFFER = 4096
_NAME_OFFSET = 20  # after apiVersion, driverVersion, vendorID, deviceID, deviceType
_NAME_SIZE = 256


@dataclass
class VulkanPhysical:
    index: int
    name: str
    type: str  # one of VK_TYPES' values
    vendor_id: int
    uuid: str


class _InstanceCreateInfo(ctypes.Structure):
    _fields_ = [
        ("sType", ctypes.c_int32),
        ("pNext", ctypes.c_void_p),
        ("flags", ctypes.c_uint32),
        ("pApplicationInfo", ctypes.c_void_p),
        ("enabledLayerCount", ctypes.c_uint32),
        ("ppEnabledLayerNames", ctypes.c_void_p),
        ("enabledExtensionCount", ctypes.c_uint32),
        ("ppEnabledExtensionNames", ctypes.c_void_p),
    ]


def _loader() -> ctypes.CDLL | None:
    if sys.platform == "win32":
        names = ["vulkan-1.dll"]
    elif sys.platform == "darwin":
        names = ["libvulkan.1.dylib", "libMoltenVK.dylib"]
    else:
        names = ["libvulkan.so.1", ctypes.util.find_library("vulkan") or "libvulkan.so"]
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


def list_physical_devices() -> list[VulkanPhysical]:
    """Every physical device the loader reports; [] without a loader or driver."""
    lib = _loader()
    if lib is None:
        return []
    info = _InstanceCreateInfo(sType=_VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO)
    instance = ctypes.c_void_p()
    if lib.vkCreateInstance(ctypes.byref(info), None, ctypes.byref(instance)) != 0:
        return []
    try:
        count = ctypes.c_uint32(0)
        if lib.vkEnumeratePhysicalDevices(instance, ctypes.byref(count), None) != 0:
            return []
        handles = (ctypes.c_void_p * count.value)()
        # VK_INCOMPLETE (5) still fills the array we sized.
        if lib.vkEnumeratePhysicalDevices(instance, ctypes.byref(count), handles) not in (0, 5):
            return []
        found = []
        for index in range(count.value):
            raw = ctypes.create_string_buffer(_PROPS_BUFFER)
            lib.vkGetPhysicalDeviceProperties(ctypes.c_void_p(handles[index]), raw)
            words = (ctypes.c_uint32 * 5).from_buffer(raw)
            name_bytes = raw.raw[_NAME_OFFSET : _NAME_OFFSET + _NAME_SIZE].split(b"\0", 1)[0]
            uuid = raw.raw[_NAME_OFFSET + _NAME_SIZE : _NAME_OFFSET + _NAME_SIZE + 16]
            found.append(
                VulkanPhysical(
                    index=index,
                    name=name_bytes.decode("utf-8", "replace"),
                    type=VK_TYPES.get(words[4], "other"),
                    vendor_id=words[2],
                    uuid=uuid.hex(),
                )
            )
        return found
    finally:
        lib.vkDestroyInstance(instance, None)


def ggml_visible_order(physical: list[VulkanPhysical], env_value: str | None) -> list[int]:
    """Physical indices in the order ggml numbers them Vulkan0, Vulkan1, ...

    Mirrors ggml-vulkan's rule: GGML_VK_VISIBLE_DEVICES if set, else every
    discrete or integrated GPU, the second of two with the same UUID dropped
    (one GPU seen through two drivers).
    """
    if env_value is not None:
        return [int(part) for part in env_value.replace(",", " ").split() if part.isdigit()]
    order: list[int] = []
    seen: set[str] = set()
    for device in physical:
        if device.type not in ("discrete", "integrated"):
            continue
        if device.uuid and device.uuid in seen:
            continue
        seen.add(device.uuid)
        order.append(device.index)
    return order
