# replica_server_config.ps1: the Replica server settings, authorization entries and listener rules.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$result = Get-HvseedReplicaConfig -RuleNames @($in.FirewallRules) -RulePrefix ([string]$in.RulePrefix)
