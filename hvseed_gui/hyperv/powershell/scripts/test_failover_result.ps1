# test_failover_result.ps1: the result of both test-failover scripts (appended to their bodies).
# Inside hvseed's frame (common/frame.ps1), after start_test_failover or stop_test_failover.

$result = [ordered]@{
    vm_name = [string]$vm.Name
    vm_id = [string]$vm.Id
    test_vm_name = $testName
    expected_test_vm_name = [string]$vm.Name + ' - Test'
    running = [bool]$testName
    message = $message
}
