"""Parsers for macOS tools, fed with their output as published by people who ran them.

No Mac exists here, so `vm_stat` and `pmset` cannot run; the outputs below
are copied from public issue threads (each names its source).
"""

from __future__ import annotations

from composer.hardware.system import parse_pmset, parse_vm_stat

# https://github.com/HMCL-dev/HMCL/pull/4876 (an Apple silicon Mac: 16 KiB pages)
VM_STAT_APPLE_SILICON = """Mach Virtual Memory Statistics: (page size of 16384 bytes)
Pages free:                                3857.
Pages active:                            446206.
Pages inactive:                          443760.
Pages speculative:                         1075.
Pages throttled:                              0.
Pages wired down:                        181483.
Pages purgeable:                          17340.
"Translation faults":                8667427138.
Pages copy-on-write:                  156847509.
"""

# https://github.com/wazuh/wazuh/issues/22113 (an Intel Mac: 4 KiB pages)
VM_STAT_INTEL = """Mach Virtual Memory Statistics: (page size of 4096 bytes)
Pages free:                             6127229.
Pages active:                            485320.
Pages inactive:                          628646.
Pages speculative:                       430715.
Pages throttled:                              0.
Pages wired down:                        715958.
Pages purgeable:                          11820.
"""

# https://github.com/imwally/battstat/issues/2 (a MacBook, OS X 10.11)
PMSET_ON_BATTERY = """Now drawing from 'Battery Power'
 -InternalBattery-0 \t89%; discharging; 4:47 remaining present: true
"""
PMSET_CHARGING = """Now drawing from 'AC Power'
 -InternalBattery-0 \t90%; charging; (no estimate) present: true
"""
# https://github.com/spaceship-prompt/spaceship-prompt/pull/640 (newer macOS adds an id)
PMSET_WITH_ID = """Now drawing from 'Battery Power'
 -InternalBattery-0 (id=5374051)\t95%; discharging; 3:06 remaining present: true
"""
# https://github.com/liquidprompt/liquidprompt/pull/317 (an iMac: no battery)
PMSET_IMAC = "Now drawing from 'AC Power'\n"


def test_vm_stat_available_memory() -> None:
    assert parse_vm_stat(VM_STAT_APPLE_SILICON) == (3857 + 443760 + 17340) * 16384
    assert parse_vm_stat(VM_STAT_INTEL) == (6127229 + 628646 + 11820) * 4096
    assert parse_vm_stat("") == 0


def test_pmset_power_source() -> None:
    assert parse_pmset(PMSET_ON_BATTERY) is True
    assert parse_pmset(PMSET_WITH_ID) is True
    assert parse_pmset(PMSET_CHARGING) is False
    assert parse_pmset(PMSET_IMAC) is None  # a desktop: the question does not arise
    assert parse_pmset("") is None
