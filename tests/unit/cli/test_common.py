import pytest

from hvseed_gui.cli.common import CliError, find_vm
from hvseed_gui.hyperv.host import Inventory, VirtualMachine

A = VirtualMachine("SQL01", "6F1C2A3B-9D4E-4F5A-8B6C-1D2E3F4A5B6C", "Running", 2)
B = VirtualMachine("SQL01", "0D9E8F7A-6B5C-4D3E-A2F1-0E9D8C7B6A59", "Off", 2)
INVENTORY = Inventory("hv-a", "Windows Server 2022", "20348", True, vms=(A, B))


def test_a_name_shared_by_two_vms_asks_for_the_id():
    with pytest.raises(CliError, match="Several VMs are called 'SQL01'.*give the VM ID") as exc:
        find_vm(INVENTORY, "SQL01", "hv-a")
    assert A.id in str(exc.value) and B.id in str(exc.value)
    assert find_vm(INVENTORY, "{" + B.id.lower() + "}", "hv-a") is B


def test_an_unknown_vm_says_where_it_looked():
    with pytest.raises(CliError, match="No VM called 'WEB01' on hv-a"):
        find_vm(INVENTORY, "WEB01", "hv-a")
