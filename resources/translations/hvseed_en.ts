<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Check</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listed</source>
        <translation>
            <numerusform>%n listed</numerusform>
            <numerusform>%n listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n check failed</numerusform>
            <numerusform>%n checks failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention; each says what to do.</source>
        <translation>
            <numerusform>%n needs attention; each says what to do.</numerusform>
            <numerusform>%n need attention; each says what to do.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message numerus="yes">
        <source>%1: %n file(s), %3.</source>
        <translation>
            <numerusform>%1: %n file, %3.</numerusform>
            <numerusform>%1: %n files, %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The copy is in %1 on Host A: %n file(s), %3.</source>
        <translation>
            <numerusform>The copy is in %1 on Host A: %n file, %3.</numerusform>
            <numerusform>The copy is in %1 on Host A: %n files, %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrivePlanMixin</name>
    <message numerus="yes">
        <source>No single drive takes every copy (%1 in all: %2), so the copies are spread over %n drives:</source>
        <translation>
            <numerusform>No single drive takes every copy (%1 in all: %2), so the copies are spread over %n drives:</numerusform>
            <numerusform>No single drive takes every copy (%1 in all: %2), so the copies are spread over %n drives:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 VMs on %n drive(s).</source>
        <translation>
            <numerusform>%1 VMs on %n drive.</numerusform>
            <numerusform>%1 VMs on %n drives.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverBox</name>
    <message numerus="yes">
        <source>Handover report saved: %1 (%n page(s)). Print it and give it with the drive.</source>
        <translation>
            <numerusform>Handover report saved: %1 (%n page). Print it and give it with the drive.</numerusform>
            <numerusform>Handover report saved: %1 (%n pages). Print it and give it with the drive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <source>%1 of %n folder(s)</source>
        <translation>
            <numerusform>%1 of %n folder</numerusform>
            <numerusform>%1 of %n folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message numerus="yes">
        <source>ℹ %n AVHDX file(s) (%2) under %3 are recovery points: with %4 h of recovery history Hyper-V keeps them for good. This is expected: %5.</source>
        <translation>
            <numerusform>ℹ %n AVHDX file (%2) under %3 is a recovery point: with %4 h of recovery history Hyper-V keeps it for good. This is expected: %5.</numerusform>
            <numerusform>ℹ %n AVHDX files (%2) under %3 are recovery points: with %4 h of recovery history Hyper-V keeps them for good. This is expected: %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ℹ %n delta file(s) (%2) are still under %3: %4. Hyper-V may merge them later; hvseed does not delete them.</source>
        <translation>
            <numerusform>ℹ %n delta file (%2) is still under %3: %4. Hyper-V may merge it later; hvseed does not delete it.</numerusform>
            <numerusform>ℹ %n delta files (%2) are still under %3: %4. Hyper-V may merge them later; hvseed does not delete them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplicaVmPage</name>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 in %n file</numerusform>
            <numerusform>%1 in %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VhdsPage</name>
    <message numerus="yes">
        <source>%n disk(s)</source>
        <translation>
            <numerusform>%n disk</numerusform>
            <numerusform>%n disks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes %n parent disk(s)</source>
        <translation>
            <numerusform>Includes %n parent disk</numerusform>
            <numerusform>Includes %n parent disks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VmPage</name>
    <message numerus="yes">
        <source>%n disk(s)</source>
        <translation>
            <numerusform>%n disk</numerusform>
            <numerusform>%n disks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n disk(s); their size is read when you continue.</source>
        <translation>
            <numerusform>%1: %n disk; their size is read when you continue.</numerusform>
            <numerusform>%1: %n disks; their size is read when you continue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n disk(s), initial copy %3.</source>
        <translation>
            <numerusform>%1: %n disk, initial copy %3.</numerusform>
            <numerusform>%1: %n disks, initial copy %3.</numerusform>
        </translation>
    </message>
</context>
</TS>
