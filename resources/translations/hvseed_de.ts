<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong inside hvseed: %1 What was done so far is kept. If this page no longer responds, close hvseed and start it again; the details are in %2.</source>
        <translation>In hvseed ist ein Fehler aufgetreten: %1 Was bisher erledigt wurde, bleibt erhalten. Reagiert diese Seite nicht mehr, schließen Sie hvseed und starten Sie es neu; die Einzelheiten stehen in %2.</translation>
    </message>
</context>
<context>
    <name>BeforePage</name>
    <message>
        <source>Before You Begin</source>
        <translation>Vorbemerkungen</translation>
    </message>
    <message>
        <source>This wizard enables replication and sends the initial copy on a USB drive.</source>
        <translation>Dieser Assistent aktiviert die Replikation und sendet die Erstkopie auf einem USB-Laufwerk.</translation>
    </message>
    <message>
        <source>&lt;b&gt;You need&lt;/b&gt;&lt;ul&gt;&lt;li&gt;Membership in Hyper-V Administrators (or Administrators) on the primary server (Host A) and on the Replica server (Host B).&lt;/li&gt;&lt;li&gt;WinRM on both hosts, reachable from this computer, unless hvseed runs on Host A itself.&lt;/li&gt;&lt;li&gt;Host B enabled as a Replica server that accepts Host A, with its listener firewall rule on; if it is not, the wizard shows exactly what it would change and changes it only with your consent.&lt;/li&gt;&lt;li&gt;A USB drive attached to Host A (in a cluster: the VM's owner node), formatted NTFS, with room for the initial copy, preferably encrypted with BitLocker To Go.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Sie benötigen&lt;/b&gt;&lt;ul&gt;&lt;li&gt;Mitgliedschaft in der Gruppe Hyper-V-Administratoren (oder Administratoren) auf dem primären Server (Host A) und auf dem Replikatserver (Host B).&lt;/li&gt;&lt;li&gt;WinRM auf beiden Hosts, von diesem Computer aus erreichbar, sofern hvseed nicht auf Host A selbst läuft.&lt;/li&gt;&lt;li&gt;Host B als Replikatserver aktiviert, der Host A zulässt, mit eingeschalteter Firewallregel für den Listener; falls nicht, zeigt der Assistent genau, was er ändern würde, und ändert es nur mit Ihrer Zustimmung.&lt;/li&gt;&lt;li&gt;Ein USB-Laufwerk an Host A (im Cluster: am Besitzerknoten des virtuellen Computers), mit NTFS formatiert, mit Platz für die Erstkopie, möglichst mit BitLocker To Go verschlüsselt.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;What will change&lt;/b&gt; (only when you press Enable replication on the Summary page)&lt;ul&gt;&lt;li&gt;On Host A: replication is enabled for the VMs you choose, and their initial copies are exported to the drive; hvseed writes a manifest and a handover report beside them.&lt;/li&gt;&lt;li&gt;On Host B: Hyper-V creates a replica VM per VM, without disks, that waits for the initial copy.&lt;/li&gt;&lt;li&gt;Nothing is deleted or overwritten: not a VM, not a virtual disk, not an earlier export.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Was sich ändert&lt;/b&gt; (erst wenn Sie auf der Seite „Zusammenfassung“ auf „Replikation aktivieren“ klicken)&lt;ul&gt;&lt;li&gt;Auf Host A: Die Replikation wird für die ausgewählten virtuellen Computer aktiviert, und ihre Erstkopien werden auf das Laufwerk exportiert; hvseed schreibt ein Manifest und einen Übergabebericht daneben.&lt;/li&gt;&lt;li&gt;Auf Host B: Hyper-V erstellt je virtuellem Computer einen Replikat-VM ohne Festplatten, der auf die Erstkopie wartet.&lt;/li&gt;&lt;li&gt;Nichts wird gelöscht oder überschrieben: kein virtueller Computer, keine virtuelle Festplatte, kein früherer Export.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&amp;Do not show this page again</source>
        <translation>Diese Seite &amp;nicht mehr anzeigen</translation>
    </message>
</context>
<context>
    <name>BitLockerPanel</name>
    <message>
        <source>Encrypt this drive with BitLocker To Go</source>
        <translation>Dieses Laufwerk mit BitLocker To Go verschlüsseln</translation>
    </message>
    <message>
        <source>BitLocker password</source>
        <translation>BitLocker-Kennwort</translation>
    </message>
    <message>
        <source>Confirm the BitLocker password</source>
        <translation>BitLocker-Kennwort bestätigen</translation>
    </message>
    <message>
        <source>C&amp;onfirm:</source>
        <translation>Bes&amp;tätigen:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>not on the drive itself</source>
        <translation>nicht auf dem Laufwerk selbst</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>Recovery &amp;key file:</source>
        <translation>&amp;Datei mit Wiederherstellungsschlüssel:</translation>
    </message>
    <message>
        <source>&amp;Encrypt the drive</source>
        <translation>&amp;Laufwerk verschlüsseln</translation>
    </message>
    <message>
        <source>Save the recovery key…</source>
        <translation>Wiederherstellungsschlüssel speichern…</translation>
    </message>
    <message>
        <source>The recovery key must not be saved on the drive it unlocks: whoever finds the drive would find its key. Choose a folder on this computer or another drive.</source>
        <translation>Der Wiederherstellungsschlüssel darf nicht auf dem Laufwerk gespeichert werden, das er entsperrt: Wer das Laufwerk findet, hätte auch den Schlüssel. Wählen Sie einen Ordner auf diesem Computer oder auf einem anderen Laufwerk.</translation>
    </message>
    <message>
        <source>Save the BitLocker recovery key</source>
        <translation>BitLocker-Wiederherstellungsschlüssel speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Select a drive first.</source>
        <translation>Wählen Sie zuerst ein Laufwerk aus.</translation>
    </message>
    <message>
        <source>%1 is already encrypted with BitLocker.</source>
        <translation>%1 ist bereits mit BitLocker verschlüsselt.</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>Das Kennwort muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Kennwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Choose where the recovery key file goes.</source>
        <translation>Wählen Sie, wo die Datei mit dem Wiederherstellungsschlüssel gespeichert wird.</translation>
    </message>
    <message>
        <source>Turning on BitLocker for %1…</source>
        <translation>BitLocker wird für %1 aktiviert…</translation>
    </message>
    <message>
        <source>BitLocker is on, but the recovery key file could not be written: %1 Save the recovery key elsewhere now; hvseed keeps it only until then.</source>
        <translation>BitLocker ist aktiviert, aber die Datei mit dem Wiederherstellungsschlüssel konnte nicht geschrieben werden: %1 Speichern Sie den Wiederherstellungsschlüssel jetzt an einem anderen Ort; hvseed bewahrt ihn nur bis dahin auf.</translation>
    </message>
    <message>
        <source>BitLocker protects %1 now (%2, AES 128). Recovery key saved to %3: keep it apart from the drive.</source>
        <translation>BitLocker schützt %1 jetzt (%2, AES 128). Der Wiederherstellungsschlüssel wurde unter %3 gespeichert: Bewahren Sie ihn getrennt vom Laufwerk auf.</translation>
    </message>
    <message>
        <source>BitLocker is being turned on…</source>
        <translation>BitLocker wird aktiviert…</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>The folder matches the replica VM; the import can start.</source>
        <translation>Der Ordner passt zur Replikat-VM; der Import kann beginnen.</translation>
    </message>
    <message>
        <source>The initial copy has already been imported (the replica is replicating); there is nothing to import.</source>
        <translation>Die Erstkopie wurde bereits importiert (das Replikat repliziert); es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>This is a primary VM's state: choose the replica VM on the replica host.</source>
        <translation>Das ist der Zustand einer primären VM: Wählen Sie die Replikat-VM auf dem Replikatserver.</translation>
    </message>
    <message>
        <source>This is a primary VM's state (its export is running): choose the replica VM on the replica host.</source>
        <translation>Das ist der Zustand einer primären VM (ihr Export läuft): Wählen Sie die Replikat-VM auf dem Replikatserver.</translation>
    </message>
    <message>
        <source>Replication is not enabled for this VM: enable replication on the primary host with 'send initial copy using external media' first.</source>
        <translation>Für diese VM ist die Replikation nicht aktiviert: Aktivieren Sie sie zuerst auf dem primären Server mit „Erstkopie mithilfe externer Medien senden“.</translation>
    </message>
    <message>
        <source>The replica is being failed over; an initial copy cannot be imported now.</source>
        <translation>Für das Replikat läuft ein Failover; eine Erstkopie kann jetzt nicht importiert werden.</translation>
    </message>
    <message>
        <source>The replica has been failed over; an initial copy cannot be imported. Complete or cancel the failover first.</source>
        <translation>Für das Replikat wurde ein Failover ausgeführt; eine Erstkopie kann nicht importiert werden. Schließen Sie das Failover zuerst ab oder brechen Sie es ab.</translation>
    </message>
    <message>
        <source>The replica has been failed over; an initial copy cannot be imported.</source>
        <translation>Für das Replikat wurde ein Failover ausgeführt; eine Erstkopie kann nicht importiert werden.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>The folder is a VM export folder.</source>
        <translation>Der Ordner ist ein VM-Exportordner.</translation>
    </message>
    <message>
        <source>The folder name carries no VM ID: choose the VM's folder.</source>
        <translation>Der Ordnername enthält keine VM-ID: Wählen Sie den Ordner der VM.</translation>
    </message>
    <message>
        <source>No replica VM was found for this copy: enable replication on the primary host first, or connect to the host that holds the replica VM.</source>
        <translation>Für diese Kopie wurde keine Replikat-VM gefunden: Aktivieren Sie zuerst die Replikation auf dem primären Server, oder verbinden Sie sich mit dem Host, der die Replikat-VM hat.</translation>
    </message>
    <message>
        <source>The folder holds the copy of VM {folder_id}, but the replica VM {name} has ID {replica_id}. Choose this VM's folder, or the replica VM that matches the folder.</source>
        <translation>Der Ordner enthält die Kopie der VM {folder_id}, die Replikat-VM {name} hat aber die ID {replica_id}. Wählen Sie den Ordner dieser VM oder die Replikat-VM, die zum Ordner passt.</translation>
    </message>
    <message>
        <source>The XML names VM {xml_id}, the folder name {folder_id}: the folder was renamed or mixed up. Use the folder as Hyper-V exported it.</source>
        <translation>Das XML nennt die VM {xml_id}, der Ordnername {folder_id}: Der Ordner wurde umbenannt oder verwechselt. Verwenden Sie den Ordner so, wie Hyper-V ihn exportiert hat.</translation>
    </message>
    <message>
        <source>The folder, its XML and the replica VM name the same VM.</source>
        <translation>Ordner, XML und Replikat-VM nennen dieselbe VM.</translation>
    </message>
    <message>
        <source>The names differ (the VM may have been renamed); the VM ID is what counts.</source>
        <translation>Die Namen unterscheiden sich (die VM wurde vielleicht umbenannt); entscheidend ist die VM-ID.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>The XML configuration was read safely.</source>
        <translation>Die XML-Konfiguration wurde sicher gelesen.</translation>
    </message>
    <message>
        <source>No XML file in the folder; only the folder name identifies the VM.</source>
        <translation>Keine XML-Datei im Ordner; nur der Ordnername bestimmt die VM.</translation>
    </message>
    <message>
        <source>An XML file in the folder could not be read.</source>
        <translation>Eine XML-Datei im Ordner konnte nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n listed</source>
        <translation>
            <numerusform>%n aufgeführt</numerusform>
            <numerusform>%n aufgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>{files}, {size}</source>
        <translation>{files}, {size}</translation>
    </message>
    <message>
        <source>Choose the VM's folder first.</source>
        <translation>Wählen Sie zuerst den Ordner der VM.</translation>
    </message>
    <message>
        <source>Every disk file the folder needs is there.</source>
        <translation>Jede Datenträgerdatei, die der Ordner braucht, ist vorhanden.</translation>
    </message>
    <message>
        <source>The replica VM is waiting for its initial copy.</source>
        <translation>Die Replikat-VM wartet auf ihre Erstkopie.</translation>
    </message>
    <message>
        <source>The replica VM's replication state is unknown: refresh, or check the replica host.</source>
        <translation>Der Replikationszustand der Replikat-VM ist unbekannt: Aktualisieren Sie, oder prüfen Sie den Replikatserver.</translation>
    </message>
    <message>
        <source>Hyper-V imports an initial copy only into a replica VM in state WaitingForInitialReplication; this one is {state}.</source>
        <translation>Hyper-V importiert eine Erstkopie nur in eine Replikat-VM im Zustand „Warten auf Abschluss der Erstreplikation“ (WaitingForInitialReplication); diese ist im Zustand {state}.</translation>
    </message>
    <message>
        <source>The verification against the manifest was stopped before the end.</source>
        <translation>Die Prüfung gegen das Manifest wurde vor dem Ende abgebrochen.</translation>
    </message>
    <message>
        <source>The manifest was incomplete, so the files were not checked.</source>
        <translation>Das Manifest war unvollständig, daher wurden die Dateien nicht geprüft.</translation>
    </message>
    <message>
        <source>There was no manifest, so the files were not checked against one.</source>
        <translation>Es gab kein Manifest, daher wurden die Dateien nicht dagegen geprüft.</translation>
    </message>
    <message>
        <source>The copy has not been verified yet.</source>
        <translation>Die Kopie wurde noch nicht geprüft.</translation>
    </message>
    <message>
        <source>The fingerprint '{text}' is not the manifest's SHA-256: give at least its first {digits} hex digits, as the Done page and the report show them.</source>
        <translation>Der Fingerabdruck „{text}“ ist nicht der SHA-256 des Manifests: Geben Sie mindestens seine ersten {digits} Hexadezimalziffern an, wie die Abschlussseite und der Bericht sie zeigen.</translation>
    </message>
    <message>
        <source>Every file matches the manifest.</source>
        <translation>Jede Datei stimmt mit dem Manifest überein.</translation>
    </message>
    <message>
        <source>{unchecked} You decided to import all the same.</source>
        <translation>{unchecked} Sie haben entschieden, trotzdem zu importieren.</translation>
    </message>
    <message>
        <source>The copy has not been verified against its manifest.</source>
        <translation>Die Kopie wurde nicht gegen ihr Manifest geprüft.</translation>
    </message>
    <message>
        <source>{message} Import only with an explicit decision to go without it (hvseed import --without-manifest, or the consent on the Check page).</source>
        <translation>{message} Importieren Sie nur mit der ausdrücklichen Entscheidung, darauf zu verzichten (hvseed import --without-manifest oder die Zustimmung auf der Seite „Kopie prüfen“).</translation>
    </message>
    <message>
        <source>A fingerprint was given, but there is no manifest beside the folder: the manifest was removed on the way. Do not import this copy; ask the sender.</source>
        <translation>Ein Fingerabdruck wurde angegeben, neben dem Ordner liegt aber kein Manifest: Das Manifest wurde unterwegs entfernt. Importieren Sie diese Kopie nicht; fragen Sie den Absender.</translation>
    </message>
    <message>
        <source>The manifest beside the folder was written for {other} (VM ID {other_id}), not for {folder}. It belongs to another copy: do not import with it; ask the sender for this folder's manifest.</source>
        <translation>Das Manifest neben dem Ordner wurde für {other} (VM-ID {other_id}) geschrieben, nicht für {folder}. Es gehört zu einer anderen Kopie: Importieren Sie nicht damit; fragen Sie den Absender nach dem Manifest dieses Ordners.</translation>
    </message>
    <message>
        <source>The manifest's fingerprint is {actual}, not the {expected} the sender gave: the manifest was rewritten after the export. Do not import this copy.</source>
        <translation>Der Fingerabdruck des Manifests ist {actual}, nicht der vom Absender genannte {expected}: Das Manifest wurde nach dem Export neu geschrieben. Importieren Sie diese Kopie nicht.</translation>
    </message>
    <message>
        <source>The verification was stopped before every file was checked.</source>
        <translation>Die Prüfung wurde abgebrochen, bevor jede Datei geprüft war.</translation>
    </message>
    <message>
        <source>{bad} of {files} files do not match the manifest ({names}). Do not import this copy: export the initial copy again.</source>
        <translation>{bad} von {files} Dateien stimmen nicht mit dem Manifest überein ({names}). Importieren Sie diese Kopie nicht: Exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>All {files} files match the manifest ({size}, SHA-256).</source>
        <translation>Alle {files} Dateien stimmen mit dem Manifest überein ({size}, SHA-256).</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Integrity (manifest)</source>
        <translation>Unversehrtheit (Manifest)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>PowerShell version</source>
        <extracomment>check names in the GUI's language, by core's stable row code</extracomment>
        <translation>PowerShell-Version</translation>
    </message>
    <message>
        <source>Hyper-V module and service</source>
        <translation>Hyper-V-Modul und -Dienst</translation>
    </message>
    <message>
        <source>Replica server and authorization</source>
        <translation>Replikatserver und Autorisierung</translation>
    </message>
    <message>
        <source>Listener port vs firewall rule</source>
        <translation>Listener-Port und Firewallregel</translation>
    </message>
    <message>
        <source>Replica certificate and EKU</source>
        <translation>Replikatzertifikat und EKU</translation>
    </message>
    <message>
        <source>BitLocker (to unlock the drive)</source>
        <translation>BitLocker (zum Entsperren des Laufwerks)</translation>
    </message>
    <message>
        <source>Replica storage space</source>
        <translation>Speicherplatz für Replikate</translation>
    </message>
    <message>
        <source>WinRM listeners</source>
        <translation>WinRM-Listener</translation>
    </message>
    <message>
        <source>FIPS policy</source>
        <translation>FIPS-Richtlinie</translation>
    </message>
    <message>
        <source>Defender ASR: process creation from WMI</source>
        <translation>Defender-ASR: Prozesserstellung über WMI</translation>
    </message>
    <message>
        <source>Cluster role</source>
        <translation>Clusterrolle</translation>
    </message>
    <message>
        <source>Time skew between hosts (Kerberos)</source>
        <translation>Zeitabweichung zwischen den Hosts (Kerberos)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Check both hosts</source>
        <translation>Beide Hosts prüfen</translation>
    </message>
    <message>
        <source>Read-only checks of Host A and the Replica server, as 'hvseed doctor' makes them. Nothing is changed.</source>
        <translation>Nur lesende Prüfungen von Host A und dem Replikatserver, wie 'hvseed doctor' sie macht. Nichts wird geändert.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Connect to both hosts first.</source>
        <translation>Verbinden Sie sich zuerst mit beiden Hosts.</translation>
    </message>
    <message>
        <source>Checking %1 and %2…</source>
        <translation>%1 und %2 werden geprüft…</translation>
    </message>
    <message>
        <source>Both hosts are ready.</source>
        <translation>Beide Hosts sind bereit.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n Prüfung fehlgeschlagen</numerusform>
            <numerusform>%n Prüfungen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention; each says what to do.</source>
        <translation>
            <numerusform>%n erfordert Aufmerksamkeit; jede sagt, was zu tun ist.</numerusform>
            <numerusform>%n erfordern Aufmerksamkeit; jede sagt, was zu tun ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>VM ID</source>
        <translation>VM-ID</translation>
    </message>
    <message>
        <source>VM name</source>
        <translation>VM-Name</translation>
    </message>
    <message>
        <source>XML readable</source>
        <translation>XML lesbar</translation>
    </message>
    <message>
        <source>Disks present</source>
        <translation>Festplatten vorhanden</translation>
    </message>
    <message>
        <source>Replica VM waiting</source>
        <translation>Replikat-VM wartet</translation>
    </message>
    <message>
        <source>Folder contents</source>
        <translation>Ordnerinhalt</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Replica VM</source>
        <translation>Replikat-VM</translation>
    </message>
    <message>
        <source>Check the copy</source>
        <translation>Kopie prüfen</translation>
    </message>
    <message>
        <source>Nothing is imported until every row is green or yellow.</source>
        <translation>Es wird nichts importiert, solange nicht jede Zeile grün oder gelb ist.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Checks before the import</source>
        <translation>Prüfungen vor dem Import</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>Fortschritt der Überprüfung</translation>
    </message>
    <message>
        <source>Stop &amp;verifying</source>
        <translation>Über&amp;prüfung beenden</translation>
    </message>
    <message>
        <source>Fingerprint from the &amp;sender (optional):</source>
        <translation>Fingerabdruck vom &amp;Absender (optional):</translation>
    </message>
    <message>
        <source>The manifest's fingerprint as the sender passed it on apart from the drive (by phone or mail): the first 16 hex digits or all 64.</source>
        <translation>Der Fingerabdruck des Manifests, wie ihn der Absender getrennt vom Laufwerk weitergegeben hat (per Telefon oder Mail): die ersten 16 Hex-Ziffern oder alle 64.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>%1 against the replica VM %2. Nothing is imported until you press Import.</source>
        <translation>%1 wird mit der Replikat-VM %2 abgeglichen. Es wird nichts importiert, bevor Sie auf „Importieren“ klicken.</translation>
    </message>
    <message>
        <source>Reading the folder and the replica VM…</source>
        <translation>Ordner und Replikat-VM werden gelesen…</translation>
    </message>
    <message>
        <source>The files could not be verified on %1: %2 Nothing is imported unverified while a manifest is beside the folder: fix the cause, then press Check again.</source>
        <translation>Die Dateien konnten auf %1 nicht geprüft werden: %2 Solange ein Manifest neben dem Ordner liegt, wird nichts ungeprüft importiert: Beheben Sie die Ursache und klicken Sie dann auf Erneut prüfen.</translation>
    </message>
    <message>
        <source>The files could not be verified: %1 Nothing is imported unverified while a manifest is beside the folder: fix the cause, then press Check again.</source>
        <translation>Die Dateien konnten nicht geprüft werden: %1 Solange ein Manifest neben dem Ordner liegt, wird nichts ungeprüft importiert: Beheben Sie die Ursache und klicken Sie dann auf Erneut prüfen.</translation>
    </message>
    <message>
        <source>Not checked: the rows above must be fixed first.</source>
        <translation>Nicht geprüft: Zuerst müssen die Zeilen oben behoben werden.</translation>
    </message>
    <message>
        <source>Import without a full verification. Not checked: %1</source>
        <translation>Ohne vollständige Prüfung importieren. Nicht geprüft: %1</translation>
    </message>
    <message>
        <source>Manifest fingerprint: &lt;b&gt;%1&lt;/b&gt; (SHA-256 %2)</source>
        <translation>Fingerabdruck des Manifests: &lt;b&gt;%1&lt;/b&gt; (SHA-256 %2)</translation>
    </message>
    <message>
        <source>The folder holds the copy of %1 and every file matches the manifest. Press Import to start.</source>
        <translation>Der Ordner enthält die Kopie von %1, und jede Datei stimmt mit dem Manifest überein. Klicken Sie auf Importieren, um zu beginnen.</translation>
    </message>
    <message>
        <source>The folder matches %1, but its files were not all checked against a manifest. You decided to import all the same: press Import to start.</source>
        <translation>Der Ordner passt zu %1, aber seine Dateien wurden nicht alle gegen ein Manifest geprüft. Sie haben entschieden, trotzdem zu importieren: Klicken Sie auf Importieren, um zu beginnen.</translation>
    </message>
    <message>
        <source>%1 Import only if you decide so: tick the box below, or press Check again to verify.</source>
        <translation>%1 Importieren nur, wenn Sie es so entscheiden: Setzen Sie unten das Häkchen, oder klicken Sie auf Erneut prüfen, um zu prüfen.</translation>
    </message>
    <message>
        <source>Verifying on %1…</source>
        <translation>Überprüfung auf %1…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Überprüfung läuft…</translation>
    </message>
    <message>
        <source>Verifying the files against the manifest…</source>
        <translation>Die Dateien werden mit dem Manifest abgeglichen…</translation>
    </message>
    <message>
        <source>not verified yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>files differ</source>
        <translation>Dateien weichen ab</translation>
    </message>
    <message>
        <source>no manifest</source>
        <translation>kein Manifest</translation>
    </message>
    <message>
        <source>incomplete manifest</source>
        <translation>Manifest unvollständig</translation>
    </message>
    <message>
        <source>unusable manifest</source>
        <translation>Manifest unbrauchbar</translation>
    </message>
    <message>
        <source>another copy's manifest</source>
        <translation>Manifest einer anderen Kopie</translation>
    </message>
    <message>
        <source>not the sender's</source>
        <translation>nicht das des Absenders</translation>
    </message>
    <message>
        <source>verification stopped</source>
        <translation>Prüfung abgebrochen</translation>
    </message>
    <message>
        <source>Verifying: %1 of %2</source>
        <translation>Überprüfung: %1 von %2</translation>
    </message>
    <message>
        <source>Verifying on %1: %2 of %3</source>
        <translation>Überprüfung auf %1: %2 von %3</translation>
    </message>
    <message>
        <source>, %1, %2 left</source>
        <translation>, %1, noch %2</translation>
    </message>
    <message>
        <source>Stopping the verification…</source>
        <translation>Überprüfung wird beendet…</translation>
    </message>
    <message>
        <source>%1 in %2 (%3)</source>
        <translation>%1 in %2 (%3)</translation>
    </message>
    <message>
        <source>VM IDs found in the XML: </source>
        <translation>Im XML gefundene VM-IDs: </translation>
    </message>
    <message>
        <source>Disk files: </source>
        <translation>Datenträgerdateien: </translation>
    </message>
    <message>
        <source>Import is not possible: %1 Nothing was changed: the drive and the replica VM %2 are as they were.</source>
        <translation>Der Import ist nicht möglich: %1 Es wurde nichts geändert: Das Laufwerk und die Replikat-VM %2 sind unverändert.</translation>
    </message>
    <message>
        <source>The folder matches %1; verifying its files…</source>
        <translation>Der Ordner passt zu %1; seine Dateien werden überprüft…</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect to Host A</source>
        <translation>Mit Host A verbinden</translation>
    </message>
    <message>
        <source>Host A is the Hyper-V host that runs the VM and has the USB drive attached.</source>
        <translation>Host A ist der Hyper-V-Host, auf dem die VM ausgeführt wird und an den das USB-Laufwerk angeschlossen ist.</translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation>&amp;Dieser Computer</translation>
    </message>
    <message>
        <source>A &amp;remote host over WinRM</source>
        <translation>Ein &amp;Remotehost über WinRM</translation>
    </message>
    <message>
        <source>The simulated &amp;lab (practice without Hyper-V)</source>
        <translation>Das simulierte &amp;Labor (Übung ohne Hyper-V)</translation>
    </message>
    <message>
        <source>Remote host</source>
        <translation>Remotehost</translation>
    </message>
    <message>
        <source>Use HTTPS (port 5986, for hosts outside the domain; checks the certificate)</source>
        <translation>HTTPS verwenden (Port 5986, für Hosts außerhalb der Domäne; prüft das Zertifikat)</translation>
    </message>
    <message>
        <source>default (5985, or 5986 with HTTPS)</source>
        <translation>Standard (5985, mit HTTPS 5986)</translation>
    </message>
    <message>
        <source>Te&amp;st</source>
        <translation>Te&amp;sten</translation>
    </message>
    <message>
        <source>Connect to the host now and read what it is, without leaving this page.</source>
        <translation>Jetzt mit dem Host verbinden und lesen, was er ist, ohne diese Seite zu verlassen.</translation>
    </message>
    <message>
        <source>CORP\admin (empty: your own account)</source>
        <translation>CORP\admin (leer: Ihr eigenes Konto)</translation>
    </message>
    <message>
        <source>Remember the password in the Windows Credential Manager</source>
        <translation>Kennwort in der Windows-Anmeldeinformationsverwaltung speichern</translation>
    </message>
    <message>
        <source>&amp;Host name:</source>
        <translation>&amp;Hostname:</translation>
    </message>
    <message>
        <source>T&amp;ransport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>Simulated lab</source>
        <translation>Simuliertes Labor</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>Lab &amp;folder:</source>
        <translation>Labor&amp;ordner:</translation>
    </message>
    <message>
        <source>Choose the lab folder</source>
        <translation>Laborordner auswählen</translation>
    </message>
    <message>
        <source>Enter the host name first.</source>
        <translation>Geben Sie zuerst den Hostnamen ein.</translation>
    </message>
    <message>
        <source>Connected to %1 (%2): Hyper-V is there.</source>
        <translation>Verbunden mit %1 (%2): Hyper-V ist vorhanden.</translation>
    </message>
    <message>
        <source>Connected to %1, but it does not run Hyper-V.</source>
        <translation>Verbunden mit %1, aber dort läuft kein Hyper-V.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Die Verbindung mit %1 wird getestet…</translation>
    </message>
    <message>
        <source>%1 does not run Hyper-V. Choose the host that runs the VM.</source>
        <translation>Auf %1 wird Hyper-V nicht ausgeführt. Wählen Sie den Host, auf dem die VM ausgeführt wird.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The initial copy is ready</source>
        <translation>Die Erstkopie ist fertig</translation>
    </message>
    <message>
        <source>Replication is enabled and the initial copy is on the drive.</source>
        <translation>Die Replikation ist aktiviert, und die Erstkopie befindet sich auf dem Laufwerk.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>&amp;Import an initial copy on the replica…</source>
        <translation>Erstkopie auf dem Replikat &amp;importieren…</translation>
    </message>
    <message>
        <source>Replication is enabled.</source>
        <translation>Die Replikation ist aktiviert.</translation>
    </message>
    <message>
        <source>Replication is enabled. hvseed sends initial copies only on external media: start the initial replication in Hyper-V Manager (Replication → Start Initial Replication) or with the script from the Summary page's Save as .ps1.</source>
        <translation>Die Replikation ist aktiviert. hvseed sendet Erstkopien nur über externe Medien: Starten Sie die Erstreplikation im Hyper-V-Manager (Replikation → Erstreplikation starten) oder mit dem Skript, das Sie auf der Seite „Zusammenfassung“ mit „Als .ps1 speichern“ erhalten.</translation>
    </message>
    <message>
        <source>The copy is in %1 on Host A.</source>
        <translation>Die Kopie befindet sich in %1 auf Host A.</translation>
    </message>
    <message>
        <source>Reading the export folder…</source>
        <translation>Der Exportordner wird gelesen…</translation>
    </message>
    <message>
        <source>%1 is encrypted with BitLocker. Keep its recovery key apart from the drive (in your password safe, printed in a locked drawer, or backed up to Active Directory or Microsoft Entra ID if your policy does that), never on the drive, and pass the password on by another way than the drive.</source>
        <translation>%1 ist mit BitLocker verschlüsselt. Bewahren Sie den Wiederherstellungsschlüssel getrennt vom Laufwerk auf (im Kennworttresor, ausgedruckt in einer verschlossenen Schublade oder in Active Directory bzw. Microsoft Entra ID gesichert, wenn Ihre Richtlinie das vorsieht), niemals auf dem Laufwerk, und geben Sie das Kennwort auf einem anderen Weg als das Laufwerk weiter.</translation>
    </message>
    <message>
        <source>hvseed saved its recovery key to %1.</source>
        <translation>hvseed hat den Wiederherstellungsschlüssel in %1 gespeichert.</translation>
    </message>
    <message>
        <source>%1 is not encrypted, and it carries the VMs' full disks: turn on BitLocker To Go before it leaves the building (Explorer: right-click the drive, Turn on BitLocker), or hand it over in person.</source>
        <translation>%1 ist nicht verschlüsselt und enthält die vollständigen Festplatten der virtuellen Computer: Aktivieren Sie BitLocker To Go, bevor es das Gebäude verlässt (Explorer: Rechtsklick auf das Laufwerk, BitLocker aktivieren), oder übergeben Sie es persönlich.</translation>
    </message>
    <message>
        <source>Encrypt the drive with BitLocker To Go unless it is already (Explorer shows a lock on it): it carries the VMs' full disks. Keep its recovery key apart from the drive.</source>
        <translation>Verschlüsseln Sie das Laufwerk mit BitLocker To Go, falls es das noch nicht ist (der Explorer zeigt dann ein Schloss): Es enthält die vollständigen Festplatten der virtuellen Computer. Bewahren Sie den Wiederherstellungsschlüssel getrennt vom Laufwerk auf.</translation>
    </message>
    <message>
        <source>the drive</source>
        <translation>das Laufwerk</translation>
    </message>
    <message>
        <source>Eject %1 safely on %2 before you unplug it: in File Explorer right-click the drive and choose Eject (or Safely Remove Hardware in the notification area), and unplug it only when Windows says it is safe to remove.</source>
        <translation>Werfen Sie %1 auf %2 sicher aus, bevor Sie es abziehen: Klicken Sie im Datei-Explorer mit der rechten Maustaste auf das Laufwerk und wählen Sie „Auswerfen“ (oder „Hardware sicher entfernen“ im Infobereich), und ziehen Sie es erst ab, wenn Windows meldet, dass es sicher entfernt werden kann.</translation>
    </message>
    <message>
        <source>Meanwhile changes keep flowing to the Replica server over the network and wait there until the import; leave replication running.</source>
        <translation>Währenddessen fließen Änderungen weiter über das Netzwerk zum Replikatserver und warten dort bis zum Import; lassen Sie die Replikation laufen.</translation>
    </message>
    <message>
        <source>On the Replica server (Host B), connect the drive and run hvseed: Import an initial copy.</source>
        <translation>Schließen Sie das Laufwerk am Replikatserver (Host B) an und starten Sie hvseed: Erstkopie importieren.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %3.</source>
        <translation>
            <numerusform>%1: %n Datei, %3.</numerusform>
            <numerusform>%1: %n Dateien, %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The copy is in %1 on Host A: %n file(s), %3.</source>
        <translation>
            <numerusform>Die Kopie liegt in %1 auf Host A: %n Datei, %3.</numerusform>
            <numerusform>Die Kopie liegt in %1 auf Host A: %n Dateien, %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copies are on Host A:</source>
        <translation>Die Kopien befinden sich auf Host A:</translation>
    </message>
</context>
<context>
    <name>Drive</name>
    <message>
        <source>Not usable</source>
        <translation>Nicht verwendbar</translation>
    </message>
    <message>
        <source>Fits: %1 of %2 free</source>
        <translation>Passt: %1 von %2 frei</translation>
    </message>
    <message>
        <source>%1 can take the copy (%2).</source>
        <translation>%1 bietet Platz für die Kopie (%2).</translation>
    </message>
    <message>
        <source>NTFS</source>
        <translation>NTFS</translation>
    </message>
    <message>
        <source>NTFS holds files of any size.</source>
        <translation>NTFS speichert Dateien jeder Größe.</translation>
    </message>
    <message>
        <source>{file} ({size})</source>
        <translation>{file} ({size})</translation>
    </message>
    <message>
        <source>Files too large for {fs}</source>
        <translation>Dateien zu groß für {fs}</translation>
    </message>
    <message>
        <source>{fs} cannot hold a file of {p} or more, and this copy has {names}. Reformat the drive as NTFS (this erases it) or use another drive.</source>
        <translation>{fs} kann keine Datei ab {p} speichern, und diese Kopie enthält {names}. Formatieren Sie das Laufwerk mit NTFS (das löscht es) oder verwenden Sie ein anderes Laufwerk.</translation>
    </message>
    <message>
        <source>Every file of this copy is below {fs}'s limit of {p}.</source>
        <translation>Jede Datei dieser Kopie liegt unter der Grenze von {fs} ({p}).</translation>
    </message>
    <message>
        <source>{fs} not confirmed</source>
        <translation>{fs} nicht bestätigt</translation>
    </message>
    <message>
        <source>{fs} holds large files, but it is not documented that Hyper-V exports to it. NTFS is the safe choice; if you keep this drive, watch the export closely.</source>
        <translation>{fs} speichert große Dateien, aber es ist nicht dokumentiert, dass Hyper-V darauf exportiert. NTFS ist die sichere Wahl; wenn Sie dieses Laufwerk behalten, beobachten Sie den Export genau.</translation>
    </message>
    <message>
        <source>Unknown file system</source>
        <translation>Unbekanntes Dateisystem</translation>
    </message>
    <message>
        <source>The drive uses {shown}, which hvseed does not know; Hyper-V's export is known to work on NTFS. Reformat the drive as NTFS if the export fails.</source>
        <translation>Das Laufwerk verwendet {shown}, das hvseed nicht kennt; der Export von Hyper-V funktioniert bekanntermaßen auf NTFS. Formatieren Sie das Laufwerk mit NTFS, falls der Export fehlschlägt.</translation>
    </message>
    <message>
        <source>System volume</source>
        <translation>Systemvolume</translation>
    </message>
    <message>
        <source>{mount_point} is the volume Windows runs from on this host, not a drive to ship. Connect the USB drive and choose it.</source>
        <translation>{mount_point} ist das Volume, von dem Windows auf diesem Host läuft, kein Laufwerk zum Verschicken. Schließen Sie das USB-Laufwerk an und wählen Sie es.</translation>
    </message>
    <message>
        <source>Holds the VM's own files</source>
        <translation>Enthält die Dateien der VM selbst</translation>
    </message>
    <message>
        <source>{mount_point} holds the VM's own storage ({p}); an export there fills the disk the VM runs from. Choose the USB drive.</source>
        <translation>{mount_point} enthält den Speicher der VM selbst ({p}); ein Export dorthin füllt den Datenträger, von dem die VM läuft. Wählen Sie das USB-Laufwerk.</translation>
    </message>
    <message>
        <source>Virtual disk</source>
        <translation>Virtueller Datenträger</translation>
    </message>
    <message>
        <source>{mount_point} is a mounted virtual disk (VHD/VHDX file), not a drive you can ship. Choose the USB drive.</source>
        <translation>{mount_point} ist ein eingebundener virtueller Datenträger (VHD/VHDX-Datei), kein Laufwerk zum Verschicken. Wählen Sie das USB-Laufwerk.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>{mount_point} is read-only. Check the drive's write-protect switch or its read-only attribute (diskpart), or use another drive.</source>
        <translation>{mount_point} ist schreibgeschützt. Prüfen Sie den Schreibschutzschalter des Laufwerks oder sein Schreibschutzattribut (diskpart), oder verwenden Sie ein anderes Laufwerk.</translation>
    </message>
    <message>
        <source>Copy already on the drive</source>
        <translation>Kopie schon auf dem Laufwerk</translation>
    </message>
    <message>
        <source>The drive already holds {existing}, a copy of this VM. hvseed never overwrites an export: import or move that copy first, or choose another drive or folder.</source>
        <translation>Das Laufwerk enthält bereits {existing}, eine Kopie dieser VM. hvseed überschreibt nie einen Export: Importieren oder verschieben Sie diese Kopie zuerst, oder wählen Sie ein anderes Laufwerk oder einen anderen Ordner.</translation>
    </message>
    <message>
        <source>{copy} plus {margin} of margin</source>
        <translation>{copy} plus {margin} Reserve</translation>
    </message>
    <message>
        <source>Enough space</source>
        <translation>Genug Platz</translation>
    </message>
    <message>
        <source>The copy needs {need}; {free_bytes} is free.</source>
        <translation>Die Kopie braucht {need}; {free_bytes} sind frei.</translation>
    </message>
    <message>
        <source>The drive is too small even when empty: use a larger drive.</source>
        <translation>Das Laufwerk ist selbst leer zu klein: Verwenden Sie ein größeres Laufwerk.</translation>
    </message>
    <message>
        <source>Free {short} on it (do not delete another VM's copy that is still to be imported), or use a larger drive.</source>
        <translation>Geben Sie darauf {short} frei (löschen Sie keine Kopie einer anderen VM, die noch importiert werden muss), oder verwenden Sie ein größeres Laufwerk.</translation>
    </message>
    <message>
        <source>Not enough space</source>
        <translation>Nicht genug Platz</translation>
    </message>
    <message>
        <source>The copy needs {need}, but only {free} is free. {advice}</source>
        <translation>Die Kopie braucht {need}, es sind aber nur {free} frei. {advice}</translation>
    </message>
    <message>
        <source>USB disk</source>
        <translation>USB-Datenträger</translation>
    </message>
    <message>
        <source>The drive is a USB disk.</source>
        <translation>Das Laufwerk ist ein USB-Datenträger.</translation>
    </message>
    <message>
        <source>Not a USB disk</source>
        <translation>Kein USB-Datenträger</translation>
    </message>
    <message>
        <source>{mount_point} is on the {bus_type} bus, not a USB disk; check it is the drive you will ship.</source>
        <translation>{mount_point} hängt am Bus {bus_type}, ist kein USB-Datenträger; prüfen Sie, ob es das Laufwerk ist, das Sie verschicken.</translation>
    </message>
    <message>
        <source>Bus unknown</source>
        <translation>Bus unbekannt</translation>
    </message>
    <message>
        <source>Could not tell whether {mount_point} is a USB disk; check it is the drive you will ship.</source>
        <translation>Es ließ sich nicht feststellen, ob {mount_point} ein USB-Datenträger ist; prüfen Sie, ob es das Laufwerk ist, das Sie verschicken.</translation>
    </message>
    <message>
        <source>BitLocker on</source>
        <translation>BitLocker an</translation>
    </message>
    <message>
        <source>The drive is encrypted.</source>
        <translation>Das Laufwerk ist verschlüsselt.</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Nicht verschlüsselt</translation>
    </message>
    <message>
        <source>BitLocker is off: the VM's disks will travel unencrypted in a courier's van. Turn on BitLocker To Go for this drive before the export.</source>
        <translation>BitLocker ist aus: Die Festplatten der VM reisen unverschlüsselt im Wagen eines Kuriers. Schalten Sie vor dem Export BitLocker To Go für dieses Laufwerk ein.</translation>
    </message>
    <message>
        <source>Encryption unknown</source>
        <translation>Verschlüsselung unbekannt</translation>
    </message>
    <message>
        <source>Could not tell whether the drive is encrypted. Make sure BitLocker is on before the drive leaves the building.</source>
        <translation>Es ließ sich nicht feststellen, ob das Laufwerk verschlüsselt ist. Stellen Sie sicher, dass BitLocker an ist, bevor das Laufwerk das Haus verlässt.</translation>
    </message>
</context>
<context>
    <name>DriveFinding</name>
    <message>
        <source>NTFS</source>
        <extracomment>the short titles of core.fitness's findings, keyed by their stable codes, for translation (core/ has no Qt; %1 is the drive's file system)</extracomment>
        <translation>NTFS</translation>
    </message>
    <message>
        <source>Files too large for %1</source>
        <translation>Dateien zu groß für %1</translation>
    </message>
    <message>
        <source>%1 not confirmed</source>
        <translation>%1 nicht bestätigt</translation>
    </message>
    <message>
        <source>Unknown file system</source>
        <translation>Unbekanntes Dateisystem</translation>
    </message>
    <message>
        <source>System volume</source>
        <translation>Systemvolume</translation>
    </message>
    <message>
        <source>Holds the VM's own files</source>
        <translation>Enthält die Dateien der VM selbst</translation>
    </message>
    <message>
        <source>Virtual disk</source>
        <translation>Virtuelle Festplatte</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Copy already on the drive</source>
        <translation>Kopie bereits auf dem Laufwerk</translation>
    </message>
    <message>
        <source>Enough space</source>
        <translation>Genug Platz</translation>
    </message>
    <message>
        <source>Not enough space</source>
        <translation>Nicht genug Platz</translation>
    </message>
    <message>
        <source>USB disk</source>
        <translation>USB-Laufwerk</translation>
    </message>
    <message>
        <source>Not a USB disk</source>
        <translation>Kein USB-Laufwerk</translation>
    </message>
    <message>
        <source>Bus unknown</source>
        <translation>Bus unbekannt</translation>
    </message>
    <message>
        <source>BitLocker on</source>
        <translation>BitLocker ein</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Encryption unknown</source>
        <translation>Verschlüsselung unbekannt</translation>
    </message>
</context>
<context>
    <name>DrivePlanMixin</name>
    <message>
        <source>Takes %1; %2 left</source>
        <translation>Nimmt %1 auf; %2 frei</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Nicht benötigt</translation>
    </message>
    <message>
        <source>%1 → %2 (%3): %4 of copies, %5 left</source>
        <translation>%1 → %2 (%3): %4 an Kopien, %5 frei</translation>
    </message>
    <message numerus="yes">
        <source>No single drive takes every copy (%1 in all: %2), so the copies are spread over %n drives:</source>
        <translation>
            <numerusform>Kein einzelnes Laufwerk nimmt alle Kopien auf (insgesamt %1: %2), daher werden die Kopien auf %n Laufwerk verteilt:</numerusform>
            <numerusform>Kein einzelnes Laufwerk nimmt alle Kopien auf (insgesamt %1: %2), daher werden die Kopien auf %n Laufwerke verteilt:</numerusform>
        </translation>
    </message>
    <message>
        <source>No drive can take these VMs.</source>
        <translation>Kein Laufwerk bietet Platz für diese VMs.</translation>
    </message>
    <message>
        <source>No USB drive is attached to Host A. Connect the drive to the host that runs the VM (in a cluster: its owner node); it appears here by itself.</source>
        <translation>An Host A ist kein USB-Laufwerk angeschlossen. Schließen Sie das Laufwerk an den Host an, auf dem die VM ausgeführt wird (im Cluster: an ihren Besitzerknoten); es erscheint hier automatisch.</translation>
    </message>
    <message>
        <source>Select the drive that receives the copy.</source>
        <translation>Wählen Sie das Laufwerk aus, das die Kopie aufnimmt.</translation>
    </message>
    <message>
        <source>The folder must be on the selected drive.</source>
        <translation>Der Ordner muss sich auf dem ausgewählten Laufwerk befinden.</translation>
    </message>
    <message>
        <source>Not encrypted: %1. Turn on BitLocker before the drive leaves the building.</source>
        <translation>Nicht verschlüsselt: %1. Aktivieren Sie BitLocker, bevor das Laufwerk das Gebäude verlässt.</translation>
    </message>
    <message>
        <source>Check which VM goes where, then tick Spread the copies this way.</source>
        <translation>Prüfen Sie, welcher virtuelle Computer wohin geht, und aktivieren Sie dann „Kopien so verteilen“.</translation>
    </message>
    <message numerus="yes">
        <source>%1 VMs on %n drive(s).</source>
        <translation>
            <numerusform>%1 VMs auf %n Laufwerk.</numerusform>
            <numerusform>%1 VMs auf %n Laufwerken.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnableReplicationWizard</name>
    <message>
        <source>hvseed — Enable Replication</source>
        <translation>hvseed – Replikation aktivieren</translation>
    </message>
    <message>
        <source>BitLocker is being turned on</source>
        <extracomment>the settings pages, in page order: each writes its part of the session</extracomment>
        <translation>BitLocker wird eingeschaltet</translation>
    </message>
    <message>
        <source>hvseed is still turning on BitLocker for the drive; its recovery key arrives when that finishes. Close anyway, without the recovery key file?</source>
        <translation>hvseed schaltet BitLocker für das Laufwerk noch ein; der Wiederherstellungsschlüssel kommt erst, wenn das fertig ist. Trotzdem schließen, ohne Datei mit dem Wiederherstellungsschlüssel?</translation>
    </message>
    <message>
        <source>The recovery key is not saved</source>
        <translation>Der Wiederherstellungsschlüssel ist nicht gespeichert</translation>
    </message>
    <message>
        <source>BitLocker is on, but its recovery key is not saved in a file yet. Close without saving it? Without the key, a forgotten password locks the drive for good.</source>
        <translation>BitLocker ist eingeschaltet, aber der Wiederherstellungsschlüssel ist noch in keiner Datei gespeichert. Schließen, ohne ihn zu speichern? Ohne den Schlüssel sperrt ein vergessenes Kennwort das Laufwerk für immer.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This part of hvseed is not installed on this computer (%1). Reinstall hvseed or use the simulated lab.</source>
        <translation>Dieser Teil von hvseed ist auf diesem Computer nicht installiert (%1). Installieren Sie hvseed neu, oder verwenden Sie das simulierte Labor.</translation>
    </message>
    <message>
        <source>Unexpected error: %1: %2</source>
        <translation>Unerwarteter Fehler: %1: %2</translation>
    </message>
    <message>
        <source>The export folder {folder} does not exist.</source>
        <translation>Der Exportordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>Check the drive and the path; the export writes &lt;VMName&gt;_&lt;VMId&gt; on the drive.</source>
        <translation>Prüfen Sie Laufwerk und Pfad; der Export schreibt &lt;VMName&gt;_&lt;VMId&gt; auf das Laufwerk.</translation>
    </message>
    <message>
        <source>No manifest was written. {message}</source>
        <translation>Es wurde kein Manifest geschrieben. {message}</translation>
    </message>
    <message>
        <source>The export folder {folder} is empty.</source>
        <translation>Der Exportordner {folder} ist leer.</translation>
    </message>
    <message>
        <source>The export did not complete; export the initial copy again.</source>
        <translation>Der Export wurde nicht abgeschlossen; exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>Cannot read {p}: {p2}.</source>
        <translation>{p} ist nicht lesbar: {p2}.</translation>
    </message>
    <message>
        <source>Check that the drive is still connected and readable, then try again.</source>
        <translation>Prüfen Sie, ob das Laufwerk noch angeschlossen und lesbar ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No manifest can be written for {folder}: {exc}.</source>
        <translation>Für {folder} kann kein Manifest geschrieben werden: {exc}.</translation>
    </message>
    <message>
        <source>Rename that file (a manifest names plain relative paths only), or export again.</source>
        <translation>Benennen Sie diese Datei um (ein Manifest nennt nur einfache relative Pfade), oder exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>Cannot write the manifest file {path}: {p}.</source>
        <translation>Die Manifestdatei {path} kann nicht geschrieben werden: {p}.</translation>
    </message>
    <message>
        <source>Check that the drive is writable and has a little free space, then try again.</source>
        <translation>Prüfen Sie, ob das Laufwerk beschreibbar ist und etwas freien Platz hat, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A manifest already exists: {path}. hvseed never overwrites one.</source>
        <translation>Es gibt bereits ein Manifest: {path}. hvseed überschreibt nie eines.</translation>
    </message>
    <message>
        <source>If it belongs to an earlier export, move that export folder and its manifest files off the drive first; to check the existing one, run 'hvseed verify'.</source>
        <translation>Gehört es zu einem früheren Export, verschieben Sie zuerst diesen Exportordner und seine Manifestdateien vom Laufwerk; um das vorhandene zu prüfen, führen Sie „hvseed verify“ aus.</translation>
    </message>
    <message>
        <source>The manifest beside {folder} cannot be read: {exc}.</source>
        <translation>Das Manifest neben {folder} ist nicht lesbar: {exc}.</translation>
    </message>
    <message>
        <source>Check the drive; hvseed verify tells more.</source>
        <translation>Prüfen Sie das Laufwerk; hvseed verify sagt mehr.</translation>
    </message>
    <message>
        <source>Cannot read the manifest beside {folder}: {p}.</source>
        <translation>Das Manifest neben {folder} ist nicht lesbar: {p}.</translation>
    </message>
    <message>
        <source>Check that the drive is connected and readable.</source>
        <translation>Prüfen Sie, ob das Laufwerk angeschlossen und lesbar ist.</translation>
    </message>
    <message>
        <source>Check the drive and the path of the folder &lt;VMName&gt;_&lt;VMId&gt;.</source>
        <translation>Prüfen Sie das Laufwerk und den Pfad des Ordners &lt;VMName&gt;_&lt;VMId&gt;.</translation>
    </message>
    <message>
        <source>Cannot write the handover report {path}: {p}.</source>
        <translation>Der Übergabebericht {path} kann nicht geschrieben werden: {p}.</translation>
    </message>
    <message>
        <source>Check that the drive is connected, writable and has a little free space.</source>
        <translation>Prüfen Sie, ob das Laufwerk angeschlossen und beschreibbar ist und etwas freien Platz hat.</translation>
    </message>
    <message>
        <source>{MAX_REPORTS_PER_DAY} handover reports of today already exist in {directory}.</source>
        <translation>In {directory} gibt es bereits {MAX_REPORTS_PER_DAY} Übergabeberichte von heute.</translation>
    </message>
    <message>
        <source>Move old reports off the drive.</source>
        <translation>Verschieben Sie alte Berichte vom Laufwerk.</translation>
    </message>
    <message>
        <source>{folder} holds entries that are not a plain file or folder ({count}): {listed}.</source>
        <translation>{folder} enthält Einträge, die keine einfache Datei und kein Ordner sind ({count}): {listed}.</translation>
    </message>
    <message>
        <source>An export from Hyper-V holds only folders and plain files, and hvseed reads nothing else from a drive. Copy the folder again from the exported original (without links), or export the initial copy again.</source>
        <translation>Ein Export von Hyper-V enthält nur Ordner und einfache Dateien, und hvseed liest nichts anderes von einem Laufwerk. Kopieren Sie den Ordner erneut vom exportierten Original (ohne Verknüpfungen), oder exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>A manifest already exists beside {folder}. hvseed never overwrites one.</source>
        <translation>Neben {folder} gibt es bereits ein Manifest. hvseed überschreibt nie eines.</translation>
    </message>
    <message>
        <source>To check it, run 'hvseed verify'. If it belongs to an earlier export, move that export folder and its manifest files off the drive first.</source>
        <translation>Zum Prüfen führen Sie „hvseed verify“ aus. Gehört es zu einem früheren Export, verschieben Sie zuerst diesen Exportordner und seine Manifestdateien vom Laufwerk.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <extracomment>Hyper-V ended a job without a message</extracomment>
        <translation>ohne Angabe eines Grundes</translation>
    </message>
    <message>
        <source>did not start</source>
        <extracomment>read the copy back from the drive against its manifest once it is written: one more pass over the USB bus, for admins who want proof the drive holds what was sent</extracomment>
        <translation>hat nicht begonnen</translation>
    </message>
    <message>
        <source>The export of {name} {state}: {p}</source>
        <translation>Der Export von {name}: {state}: {p}</translation>
    </message>
    <message>
        <source>Nothing was deleted. Check the drive, then run the plan again: replication stays enabled and only the export starts again.</source>
        <translation>Nichts wurde gelöscht. Prüfen Sie das Laufwerk und führen Sie den Plan erneut aus: Die Replikation bleibt aktiviert, nur der Export beginnt neu.</translation>
    </message>
    <message>
        <source>The plan cannot be carried out: {problems}</source>
        <translation>Der Plan lässt sich nicht ausführen: {problems}</translation>
    </message>
    <message>
        <source>VM '{name}' ({id}) is not on {where}.</source>
        <translation>Die VM „{name}“ ({id}) ist nicht auf {where}.</translation>
    </message>
    <message>
        <source>Check the plan's VM ID with 'hvseed vms'.</source>
        <translation>Prüfen Sie die VM-ID des Plans mit „hvseed vms“.</translation>
    </message>
    <message>
        <source>The plan names VM {id} '{name}', but on {where} that VM is called '{name2}'.</source>
        <translation>Der Plan nennt die VM {id} „{name}“, auf {where} heißt diese VM aber „{name2}“.</translation>
    </message>
    <message>
        <source>Check the plan: correct the name, or the ID, so both name the same VM.</source>
        <translation>Prüfen Sie den Plan: Korrigieren Sie den Namen oder die ID, sodass beide dieselbe VM nennen.</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>{name} is already replicating (state {value}); nothing to do.</source>
        <translation>{name} repliziert bereits (Zustand {value}); nichts zu tun.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Rename the VM (Hyper-V Manager: Rename), or send its initial copy over the network. Nothing was changed.</source>
        <translation>Benennen Sie die VM um (Hyper-V-Manager: Umbenennen), oder senden Sie ihre Erstkopie über das Netzwerk. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{destination} (for {name}) is not on a USB drive attached to {display_name}.</source>
        <translation>{destination} (für {name}) liegt nicht auf einem USB-Laufwerk an {display_name}.</translation>
    </message>
    <message>
        <source>Plug the drive into the host that runs the VM, and check the path with 'hvseed volumes'. Nothing was changed.</source>
        <translation>Schließen Sie das Laufwerk an den Host an, auf dem die VM läuft, und prüfen Sie den Pfad mit „hvseed volumes“. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The drive {display_name} cannot take the copy of {name}: {reasons}</source>
        <translation>Das Laufwerk {display_name} kann die Kopie von {name} nicht aufnehmen: {reasons}</translation>
    </message>
    <message>
        <source>Another run is exporting {name} right now (its replication state is {value}); this run changed nothing.</source>
        <translation>Ein anderer Lauf exportiert {name} gerade (Replikationszustand {value}); dieser Lauf hat nichts geändert.</translation>
    </message>
    <message>
        <source>Let that export finish; to follow it here, run the same plan again. Do not move or delete its folder on the drive.</source>
        <translation>Lassen Sie diesen Export zu Ende laufen; um ihn hier zu verfolgen, führen Sie denselben Plan erneut aus. Verschieben oder löschen Sie seinen Ordner auf dem Laufwerk nicht.</translation>
    </message>
    <message>
        <source>The destination {destination} must be a folder: choose another path, or move the file. Nothing was changed.</source>
        <translation>Das Ziel {destination} muss ein Ordner sein: Wählen Sie einen anderen Pfad, oder verschieben Sie die Datei. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The job did not finish in time; it goes on in Hyper-V.</source>
        <extracomment>consecutive failed polls tolerated (a WinRM hiccup) before giving up; the job goes on</extracomment>
        <translation>Der Auftrag wurde nicht rechtzeitig fertig; er läuft in Hyper-V weiter.</translation>
    </message>
    <message>
        <source>Stopped following the job; it goes on in Hyper-V.</source>
        <translation>Die Verfolgung des Auftrags wurde beendet; er läuft in Hyper-V weiter.</translation>
    </message>
    <message>
        <source>The verification was stopped; nothing was imported.</source>
        <translation>Die Prüfung wurde abgebrochen; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Importing without the manifest is not a choice here: {message}</source>
        <translation>Ein Import ohne Manifest ist hier keine Option: {message}</translation>
    </message>
    <message>
        <source>The import of {name} {p}: {p2}.</source>
        <translation>Der Import von {name}: {p}: {p2}.</translation>
    </message>
    <message>
        <source>The copy on the drive is untouched; check the drive and the replica host, then import again.</source>
        <translation>Die Kopie auf dem Laufwerk ist unberührt; prüfen Sie Laufwerk und Replikatserver und importieren Sie erneut.</translation>
    </message>
    <message>
        <source>This host keeps no staged copies.</source>
        <extracomment>the result types live in host_types / replica_server_types; every old import keeps working how people name this host in the UI ("this computer", "hv01.corp.local", "lab: hv-a")</extracomment>
        <translation>Dieser Host hält keine zwischengelagerten Kopien.</translation>
    </message>
    <message>
        <source>Moving a drive is a lab operation.</source>
        <translation>Ein Laufwerk umzustecken ist eine Funktion des Labors.</translation>
    </message>
    <message>
        <source>Ship a real drive by courier and plug it into the replica host.</source>
        <translation>Schicken Sie ein echtes Laufwerk per Kurier und schließen Sie es an den Replikatserver an.</translation>
    </message>
    <message>
        <source>BitLocker Drive Encryption is not installed on {name}.</source>
        <translation>Die BitLocker-Laufwerkverschlüsselung ist auf {name} nicht installiert.</translation>
    </message>
    <message>
        <source>Windows PowerShell {version} on {fqdn} is too old: hvseed needs Windows PowerShell 5.1.</source>
        <extracomment>What a lab host reports for the facts only ``readiness`` reads; ``Lab.set_host_facts`` changes them (a 2012 R2 host with PowerShell 4.0, FIPS on, the ASR rule blocking, …).</extracomment>
        <translation>Windows PowerShell {version} auf {fqdn} ist zu alt: hvseed braucht Windows PowerShell 5.1.</translation>
    </message>
    <message>
        <source>The host '{name}' cannot be reached: there is no such host in the lab ({host_names}).</source>
        <translation>Der Host „{name}“ ist nicht erreichbar: Im Labor gibt es keinen solchen Host ({host_names}).</translation>
    </message>
    <message>
        <source>The host's result line is damaged.</source>
        <translation>Die Ergebniszeile des Hosts ist beschädigt.</translation>
    </message>
    <message>
        <source>The host's result has an unexpected form.</source>
        <translation>Das Ergebnis des Hosts hat eine unerwartete Form.</translation>
    </message>
    <message>
        <source>The host reported a failure without an error record.</source>
        <translation>Der Host meldete einen Fehler ohne Fehlerdatensatz.</translation>
    </message>
    <message>
        <source>A manifest already exists on {host}: {path}. hvseed never overwrites one.</source>
        <translation>Auf {host} gibt es bereits ein Manifest: {path}. hvseed überschreibt nie eines.</translation>
    </message>
    <message>
        <source>Name the folder as E:\HyperV-Seed\&lt;VMName&gt;_&lt;VMId&gt;.</source>
        <translation>Nennen Sie den Ordner wie E:\HyperV-Seed\&lt;VMName&gt;_&lt;VMId&gt;.</translation>
    </message>
    <message>
        <source>The export folder {folder} does not exist on {where}.</source>
        <translation>Der Exportordner {folder} existiert auf {where} nicht.</translation>
    </message>
    <message>
        <source>The export folder {folder} on {where} is empty.</source>
        <translation>Der Exportordner {folder} auf {where} ist leer.</translation>
    </message>
    <message>
        <source>Cannot read {path} in {folder} on {where}: {p}.</source>
        <translation>{path} in {folder} auf {where} ist nicht lesbar: {p}.</translation>
    </message>
    <message>
        <source>No manifest was written. Check that the drive is still connected and readable, then try again.</source>
        <translation>Es wurde kein Manifest geschrieben. Prüfen Sie, ob das Laufwerk noch angeschlossen und lesbar ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No manifest can be written for {folder} on {where}: {exc}.</source>
        <translation>Für {folder} auf {where} kann kein Manifest geschrieben werden: {exc}.</translation>
    </message>
    <message>
        <source>Check the drive and try again.</source>
        <translation>Prüfen Sie das Laufwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The manifest {json_path} on {where} cannot be read: {p}.</source>
        <translation>Das Manifest {json_path} auf {where} ist nicht lesbar: {p}.</translation>
    </message>
    <message>
        <source>{MAX_REPORTS_PER_DAY} handover reports of today already exist in {directory} on {host}.</source>
        <translation>In {directory} auf {host} gibt es bereits {MAX_REPORTS_PER_DAY} Übergabeberichte von heute.</translation>
    </message>
    <message>
        <source>{host} did not answer in time: its answer was not complete within {timeout} seconds, so hvseed stopped waiting and closed the connection.</source>
        <translation>{host} hat nicht rechtzeitig geantwortet: Die Antwort war nach {timeout} Sekunden nicht vollständig, daher hat hvseed das Warten beendet und die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>Check that the host's WinRM service is healthy, or raise the timeout.</source>
        <translation>Prüfen Sie, ob der WinRM-Dienst des Hosts in Ordnung ist, oder erhöhen Sie das Zeitlimit.</translation>
    </message>
    <message>
        <source>{host} sent an answer larger than {p} MiB; hvseed stopped reading it and closed the connection.</source>
        <translation>{host} hat eine Antwort größer als {p} MiB gesendet; hvseed hat das Lesen beendet und die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>Check that this port belongs to a WinRM listener; a WS-Man answer is never this large.</source>
        <translation>Prüfen Sie, ob dieser Port zu einem WinRM-Listener gehört; eine WS-Man-Antwort ist nie so groß.</translation>
    </message>
    <message>
        <source>PowerShell was not found on this computer (looked for {executable}).</source>
        <translation>PowerShell wurde auf diesem Computer nicht gefunden (gesucht: {executable}).</translation>
    </message>
    <message>
        <source>hvseed needs Windows with the Hyper-V PowerShell module, or use --host to manage a remote Hyper-V host, or --lab for the simulated lab.</source>
        <translation>hvseed braucht Windows mit dem Hyper-V-PowerShell-Modul; oder verwenden Sie --host für einen entfernten Hyper-V-Host oder --lab für das simulierte Labor.</translation>
    </message>
    <message>
        <source>PowerShell on this computer could not be started: {p}.</source>
        <translation>PowerShell konnte auf diesem Computer nicht gestartet werden: {p}.</translation>
    </message>
    <message>
        <source>Check that powershell.exe may run here (application control, antivirus).</source>
        <translation>Prüfen Sie, ob powershell.exe hier laufen darf (Anwendungssteuerung, Virenschutz).</translation>
    </message>
    <message>
        <source>PowerShell on this computer did not finish within {timeout} seconds; hvseed stopped it.</source>
        <translation>PowerShell auf diesem Computer war nach {timeout} Sekunden nicht fertig; hvseed hat es beendet.</translation>
    </message>
    <message>
        <source>PowerShell on {where} runs in ConstrainedLanguage mode (AppLocker or Windows Defender Application Control script rules), which blocks the .NET calls hvseed's scripts need.</source>
        <extracomment>MethodInvocationNotSupportedInConstrainedLanguage, CannotCreateTypeConstrainedLanguage, ConversionSupportedOnlyToCoreTypes, PropertySetterNotSupportedInConstrainedLanguage …</extracomment>
        <translation>PowerShell auf {where} läuft im Modus ConstrainedLanguage (Skriptregeln von AppLocker oder Windows Defender Application Control), der die .NET-Aufrufe blockiert, die die Skripte von hvseed brauchen.</translation>
    </message>
    <message>
        <source>Ask the administrator of the application control policy to let administrators run PowerShell in FullLanguage mode there, or run hvseed from a computer where they do.</source>
        <translation>Bitten Sie den Verantwortlichen der Anwendungssteuerung, Administratoren dort PowerShell im Modus FullLanguage zu erlauben, oder führen Sie hvseed von einem Computer aus, auf dem das gilt.</translation>
    </message>
    <message>
        <source>Windows PowerShell on {where} refused to run hvseed's script: the script execution policy does not allow it. A policy set by Group Policy ("Turn on Script Execution", AllSigned or RemoteSigned) overrides hvseed's -ExecutionPolicy Bypass.</source>
        <translation>Windows PowerShell auf {where} hat das Skript von hvseed nicht ausgeführt: Die Ausführungsrichtlinie erlaubt es nicht. Eine per Gruppenrichtlinie gesetzte Richtlinie („Skriptausführung aktivieren“, AllSigned oder RemoteSigned) hat Vorrang vor -ExecutionPolicy Bypass von hvseed.</translation>
    </message>
    <message>
        <source>Run Get-ExecutionPolicy -List to see which scope sets it; ask for the policy to allow local scripts for administrators, or manage this host from another computer over WinRM (--host), which runs no script files.</source>
        <translation>Führen Sie Get-ExecutionPolicy -List aus, um zu sehen, welcher Bereich sie setzt; bitten Sie darum, lokale Skripte für Administratoren zu erlauben, oder verwalten Sie diesen Host von einem anderen Computer über WinRM (--host), was keine Skriptdateien ausführt.</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port} but closed it without answering.</source>
        <translation>{host} hat die Verbindung auf Port {port} angenommen, aber ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>Check that this port belongs to a WinRM listener (winrm enumerate winrm/config/listener on that host).</source>
        <translation>Prüfen Sie, ob dieser Port zu einem WinRM-Listener gehört (winrm enumerate winrm/config/listener auf diesem Host).</translation>
    </message>
    <message>
        <source>Something answered on {host} port {port}, but not with HTTP, which WinRM speaks: this port does not belong to a WinRM listener.</source>
        <translation>Auf {host} Port {port} hat etwas geantwortet, aber nicht mit HTTP, das WinRM spricht: Dieser Port gehört zu keinem WinRM-Listener.</translation>
    </message>
    <message>
        <source>Check the port (5985 for HTTP, 5986 for HTTPS) and the host's listeners (winrm enumerate winrm/config/listener).</source>
        <translation>Prüfen Sie den Port (5985 für HTTP, 5986 für HTTPS) und die Listener des Hosts (winrm enumerate winrm/config/listener).</translation>
    </message>
    <message>
        <source>{host} answered on port {port} with an HTTP header that is too long or malformed; hvseed stopped reading it.</source>
        <translation>{host} hat auf Port {port} mit einem zu langen oder fehlerhaften HTTP-Header geantwortet; hvseed hat das Lesen beendet.</translation>
    </message>
    <message>
        <source>Check that this port belongs to a WinRM listener and not to another service or a proxy.</source>
        <translation>Prüfen Sie, ob dieser Port zu einem WinRM-Listener gehört und nicht zu einem anderen Dienst oder einem Proxy.</translation>
    </message>
    <message>
        <source>Unknown WinRM transport {transport}.</source>
        <translation>Unbekannter WinRM-Transport {transport}.</translation>
    </message>
    <message>
        <source>No host name was given for the WinRM connection.</source>
        <translation>Für die WinRM-Verbindung wurde kein Hostname angegeben.</translation>
    </message>
    <message>
        <source>Give one.</source>
        <translation>Geben Sie einen an.</translation>
    </message>
    <message>
        <source>{effective_port} is not a valid port.</source>
        <translation>{effective_port} ist kein gültiger Port.</translation>
    </message>
    <message>
        <source>Use 5986 or 5985.</source>
        <translation>Verwenden Sie 5986 oder 5985.</translation>
    </message>
    <message>
        <source>WinRM timeouts must be positive (operation timeout at least 1 second).</source>
        <translation>WinRM-Zeitlimits müssen positiv sein (Vorgangszeitlimit mindestens 1 Sekunde).</translation>
    </message>
    <message>
        <source>Use HTTPS (port 5986), or Kerberos/NTLM, whose messages WinRM encrypts over HTTP.</source>
        <translation>Verwenden Sie HTTPS (Port 5986) oder Kerberos/NTLM, deren Nachrichten WinRM über HTTP verschlüsselt.</translation>
    </message>
    <message>
        <source>{label} authentication over HTTPS without checking the host's certificate could hand your credentials to an impostor; hvseed refuses it.</source>
        <translation>Authentifizierung per {label} über HTTPS ohne Prüfung des Hostzertifikats könnte Ihre Anmeldedaten einem Betrüger geben; hvseed lehnt das ab.</translation>
    </message>
    <message>
        <source>Trust the host's certificate (CA file), or use Kerberos/NTLM.</source>
        <translation>Vertrauen Sie dem Zertifikat des Hosts (CA-Datei), oder verwenden Sie Kerberos/NTLM.</translation>
    </message>
    <message>
        <source>Kerberos uses the ticket of the user logged on to this computer; it cannot log on with a password.</source>
        <translation>Kerberos verwendet das Ticket des an diesem Computer angemeldeten Benutzers; es kann sich nicht mit einem Kennwort anmelden.</translation>
    </message>
    <message>
        <source>Leave the password empty, or use NTLM or CredSSP to log on with a password.</source>
        <translation>Lassen Sie das Kennwort leer, oder verwenden Sie NTLM oder CredSSP, um sich mit Kennwort anzumelden.</translation>
    </message>
    <message>
        <source>Certificate authentication needs a client certificate and its key (PEM files).</source>
        <translation>Die Zertifikatauthentifizierung braucht ein Clientzertifikat und seinen Schlüssel (PEM-Dateien).</translation>
    </message>
    <message>
        <source>Give both files, or use another transport.</source>
        <translation>Geben Sie beide Dateien an, oder verwenden Sie einen anderen Transport.</translation>
    </message>
    <message>
        <source>The client certificate file {path} was not found.</source>
        <translation>Die Clientzertifikatdatei {path} wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Check the path.</source>
        <translation>Prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <source>{label} needs a user name and a password.</source>
        <translation>{label} braucht einen Benutzernamen und ein Kennwort.</translation>
    </message>
    <message>
        <source>Enter both; only Kerberos can use the logged-on user's ticket.</source>
        <translation>Geben Sie beides ein; nur Kerberos kann das Ticket des angemeldeten Benutzers verwenden.</translation>
    </message>
    <message>
        <source>WinRM support (pywinrm) is not installed in this copy of hvseed.</source>
        <translation>Die WinRM-Unterstützung (pywinrm) ist in dieser Kopie von hvseed nicht installiert.</translation>
    </message>
    <message>
        <source>Reinstall hvseed, or run it on the Hyper-V host itself.</source>
        <translation>Installieren Sie hvseed neu, oder führen Sie es auf dem Hyper-V-Host selbst aus.</translation>
    </message>
    <message>
        <source>{p} support is not installed in this copy of hvseed ({package} is missing).</source>
        <translation>Die Unterstützung für {p} ist in dieser Kopie von hvseed nicht installiert ({package} fehlt).</translation>
    </message>
    <message>
        <source>Install it, or choose another transport.</source>
        <translation>Installieren Sie sie, oder wählen Sie einen anderen Transport.</translation>
    </message>
    <message>
        <source>The script's output on {host} grew beyond {p} MiB; hvseed stopped reading it and asked the host to end it.</source>
        <translation>Die Ausgabe des Skripts auf {host} ist über {p} MiB gewachsen; hvseed hat das Lesen beendet und den Host gebeten, es zu beenden.</translation>
    </message>
    <message>
        <source>hvseed's own scripts answer with far less: check the host, or report it.</source>
        <translation>Die Skripte von hvseed antworten mit weit weniger: Prüfen Sie den Host, oder melden Sie es.</translation>
    </message>
    <message>
        <source>{host} did not finish the operation within {timeout} seconds; hvseed stopped waiting and asked the host to end it.</source>
        <translation>{host} hat den Vorgang nicht innerhalb von {timeout} Sekunden abgeschlossen; hvseed hat das Warten beendet und den Host gebeten, ihn zu beenden.</translation>
    </message>
    <message>
        <source>{host} rejected the credentials ({p}).</source>
        <translation>{host} hat die Anmeldedaten abgelehnt ({p}).</translation>
    </message>
    <message>
        <source>The WinRM service on {host} answered with HTTP status {code}.</source>
        <translation>Der WinRM-Dienst auf {host} hat mit HTTP-Status {code} geantwortet.</translation>
    </message>
    <message>
        <source>Check that port {effective_port} belongs to a WinRM listener (winrm enumerate winrm/config/listener on that host).</source>
        <translation>Prüfen Sie, ob Port {effective_port} zu einem WinRM-Listener gehört (winrm enumerate winrm/config/listener auf diesem Host).</translation>
    </message>
    <message>
        <source>Kerberos authentication with {host} failed.</source>
        <translation>Die Kerberos-Authentifizierung mit {host} ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Log on to this computer with a domain account (klist shows its tickets), use the host's DNS name rather than its IP address, or use NTLM.</source>
        <translation>Melden Sie sich an diesem Computer mit einem Domänenkonto an (klist zeigt seine Tickets), verwenden Sie den DNS-Namen des Hosts statt seiner IP-Adresse, oder verwenden Sie NTLM.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to {host} on port {effective_port} failed.</source>
        <translation>Die sichere (TLS-)Verbindung zu {host} auf Port {effective_port} ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Check that this port is the host's WinRM HTTPS listener (5986; 5985 is HTTP).</source>
        <translation>Prüfen Sie, ob dieser Port der WinRM-HTTPS-Listener des Hosts ist (5986; 5985 ist HTTP).</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified, so hvseed did not connect.</source>
        <translation>Das Zertifikat von {host} konnte nicht geprüft werden, daher hat hvseed keine Verbindung aufgebaut.</translation>
    </message>
    <message>
        <source>Trust the CA that issued the host's WinRM certificate (CA file), and connect with the name the certificate was issued for.</source>
        <translation>Vertrauen Sie der Zertifizierungsstelle, die das WinRM-Zertifikat des Hosts ausgestellt hat (CA-Datei), und verbinden Sie sich mit dem Namen, für den das Zertifikat ausgestellt wurde.</translation>
    </message>
    <message>
        <source>{host} did not accept a connection on port {effective_port} in time.</source>
        <translation>{host} hat auf Port {effective_port} nicht rechtzeitig eine Verbindung angenommen.</translation>
    </message>
    <message>
        <source>{host} accepted the connection but did not answer in time.</source>
        <translation>{host} hat die Verbindung angenommen, aber nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to {host} failed.</source>
        <translation>Die Verbindung zu {host} ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>WinRM failed: {p}.</source>
        <translation>WinRM ist fehlgeschlagen: {p}.</translation>
    </message>
    <message>
        <source>{host} answered over WinRM in a way hvseed cannot read.</source>
        <translation>{host} hat über WinRM so geantwortet, dass hvseed es nicht lesen kann.</translation>
    </message>
    <message>
        <source>{host} denied access: {reason}</source>
        <translation>{host} hat den Zugriff verweigert: {reason}</translation>
    </message>
    <message>
        <source>The WinRM service on {host} reported an error: {reason}</source>
        <translation>Der WinRM-Dienst auf {host} hat einen Fehler gemeldet: {reason}</translation>
    </message>
    <message>
        <source>Check the host name, that the host is running, and that WinRM is enabled (Enable-PSRemoting) and allowed through its firewall.</source>
        <translation>Prüfen Sie den Hostnamen, ob der Host läuft und ob WinRM aktiviert (Enable-PSRemoting) und durch seine Firewall zugelassen ist.</translation>
    </message>
    <message>
        <source>Check the user name and password, or the transport (Kerberos needs a domain).</source>
        <translation>Prüfen Sie Benutzername und Kennwort oder den Transport (Kerberos braucht eine Domäne).</translation>
    </message>
    <message>
        <source>Use an account that is a member of 'Hyper-V Administrators' (or local Administrators) on that host.</source>
        <translation>Verwenden Sie ein Konto, das auf diesem Host Mitglied der Gruppe „Hyper-V-Administratoren“ (oder der lokalen Administratoren) ist.</translation>
    </message>
    <message>
        <source>The host did not answer in time. Try again, or raise the timeout.</source>
        <translation>Der Host hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut, oder erhöhen Sie das Zeitlimit.</translation>
    </message>
    <message>
        <source>Install the Hyper-V PowerShell module on that host (Install-WindowsFeature Hyper-V-PowerShell, or the Hyper-V role).</source>
        <translation>Installieren Sie das Hyper-V-PowerShell-Modul auf diesem Host (Install-WindowsFeature Hyper-V-PowerShell, oder die Hyper-V-Rolle).</translation>
    </message>
    <message>
        <source>On Windows Server add the feature with Install-WindowsFeature BitLocker -IncludeAllSubFeature -IncludeManagementTools (or Server Manager: Add Roles and Features &gt; BitLocker Drive Encryption), then restart the host. Windows 10/11 Pro and Enterprise have BitLocker built in. Or encrypt the drive on another computer before the export.</source>
        <translation>Fügen Sie unter Windows Server das Feature mit Install-WindowsFeature BitLocker -IncludeAllSubFeature -IncludeManagementTools hinzu (oder im Server-Manager: Rollen und Features hinzufügen &gt; BitLocker-Laufwerkverschlüsselung) und starten Sie den Host neu. Windows 10/11 Pro und Enterprise haben BitLocker eingebaut. Oder verschlüsseln Sie das Laufwerk vor dem Export auf einem anderen Computer.</translation>
    </message>
    <message>
        <source>Install Windows Management Framework 5.1 on that host (Windows Server 2012 R2 ships PowerShell 4.0) and restart it; 'hvseed doctor' shows each host's version.</source>
        <translation>Installieren Sie Windows Management Framework 5.1 auf diesem Host (Windows Server 2012 R2 bringt PowerShell 4.0 mit) und starten Sie ihn neu; „hvseed doctor“ zeigt die Version jedes Hosts.</translation>
    </message>
    <message>
        <source>The host answered with something hvseed cannot read. Run with --debug and report it.</source>
        <translation>Der Host hat etwas geantwortet, das hvseed nicht lesen kann. Führen Sie es mit --debug aus und melden Sie es.</translation>
    </message>
</context>
<context>
    <name>ExportEndMixin</name>
    <message>
        <source>✔ Export complete.</source>
        <translation>✔ Export abgeschlossen.</translation>
    </message>
    <message>
        <source>The initial copies are on the drives. Press Next for what to do now.</source>
        <translation>Die Erstkopien befinden sich auf den Laufwerken. Klicken Sie auf „Weiter“, um zu sehen, was jetzt zu tun ist.</translation>
    </message>
    <message>
        <source>The initial copy is on the drive. Press Next for what to do now.</source>
        <translation>Die Erstkopie befindet sich auf dem Laufwerk. Klicken Sie auf „Weiter“, um zu sehen, was jetzt zu tun ist.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <source>The export was cancelled. Replication stays enabled; start the export again later, or remove replication in Hyper-V Manager.</source>
        <translation>Der Export wurde abgebrochen. Die Replikation bleibt aktiviert; starten Sie den Export später erneut, oder entfernen Sie die Replikation im Hyper-V-Manager.</translation>
    </message>
    <message>
        <source>✖ Export failed.</source>
        <translation>✖ Export fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Some exports did not finish.</source>
        <translation>Einige Exporte wurden nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The export failed; Hyper-V gave no reason.</source>
        <translation>Der Export ist fehlgeschlagen; Hyper-V hat keinen Grund angegeben.</translation>
    </message>
    <message>
        <source>%1: cancelled; replication stays enabled.</source>
        <translation>%1: abgebrochen; die Replikation bleibt aktiviert.</translation>
    </message>
    <message>
        <source>Exported: %1. Press Next for what to do with them.</source>
        <translation>Exportiert: %1. Klicken Sie auf „Weiter“, um zu sehen, was damit zu tun ist.</translation>
    </message>
    <message>
        <source>The initial copy is exported</source>
        <translation>Die Erstkopie ist exportiert</translation>
    </message>
    <message>
        <source>Replication is enabled and the initial copy is on the drive.</source>
        <translation>Die Replikation ist aktiviert, und die Erstkopie liegt auf dem Laufwerk.</translation>
    </message>
    <message>
        <source>Average rate:</source>
        <translation>Durchschnittliche Rate:</translation>
    </message>
    <message>
        <source>The copy is on the drive. hvseed now hashes it for the integrity manifest, so the replica side can check that it arrived intact. Cancel hashing skips this: the copy stays usable, but cannot be verified on arrival.</source>
        <translation>Die Kopie befindet sich auf dem Laufwerk. hvseed berechnet jetzt die Hashes für das Integritätsmanifest, damit die Replikatseite prüfen kann, ob sie unversehrt angekommen ist. „Hashberechnung abbrechen“ überspringt diesen Schritt: Die Kopie bleibt verwendbar, kann aber bei Ankunft nicht überprüft werden.</translation>
    </message>
    <message>
        <source>✔ exported · hashing waits</source>
        <translation>✔ exportiert · Hashberechnung wartet</translation>
    </message>
    <message>
        <source>hashing…</source>
        <translation>Hashberechnung…</translation>
    </message>
    <message>
        <source>✔ exported · manifest</source>
        <translation>✔ exportiert · Manifest</translation>
    </message>
    <message>
        <source>✔ exported · no manifest</source>
        <translation>✔ exportiert · kein Manifest</translation>
    </message>
    <message>
        <source>✔ exported</source>
        <translation>✔ exportiert</translation>
    </message>
    <message>
        <source>Stop exporting %1? The partial copy on the drive cannot be imported. Replication stays enabled.</source>
        <translation>Export von %1 abbrechen? Die unvollständige Kopie auf dem Laufwerk kann nicht importiert werden. Die Replikation bleibt aktiviert.</translation>
    </message>
    <message>
        <source>Replication of %1 will not be enabled.</source>
        <translation>Die Replikation von %1 wird nicht aktiviert.</translation>
    </message>
    <message>
        <source>Cancel the export?</source>
        <translation>Export abbrechen?</translation>
    </message>
    <message>
        <source>Cancelling once the export that is starting has started…</source>
        <translation>Abbruch folgt, sobald der gerade startende Export läuft…</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Der Export wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message>
        <source>Reading {name} back from the drive</source>
        <translation>{name} wird vom Laufwerk zurückgelesen</translation>
    </message>
    <message>
        <source>Read back from the drive: all {count} files match the manifest.</source>
        <translation>Vom Laufwerk zurückgelesen: Alle {count} Dateien stimmen mit dem Manifest überein.</translation>
    </message>
    <message>
        <source>Read back from the drive: {bad} of {count} files do not match the manifest. The drive did not keep what was written: use another drive and export again.</source>
        <translation>Vom Laufwerk zurückgelesen: {bad} von {count} Dateien stimmen nicht mit dem Manifest überein. Das Laufwerk hat nicht behalten, was geschrieben wurde: Verwenden Sie ein anderes Laufwerk und exportieren Sie erneut.</translation>
    </message>
</context>
<context>
    <name>Failover</name>
    <message>
        <source>No test failover VM exists; nothing was changed.</source>
        <extracomment>Stop-VMFailover found no test VM (the script's own sentence, worded by each front end)</extracomment>
        <translation>Es gibt keine Testfailover-VM; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>FindCopyPage</name>
    <message>
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>For the chosen VM?</source>
        <translation>Für die gewählte VM?</translation>
    </message>
    <message>
        <source>Find the copy</source>
        <translation>Kopie suchen</translation>
    </message>
    <message>
        <source>Export folders &lt;VMName&gt;_&lt;VMId&gt; on the replica host's USB drives.</source>
        <translation>Exportordner &lt;VMName&gt;_&lt;VMId&gt; auf den USB-Laufwerken des Replikathosts.</translation>
    </message>
    <message>
        <source>Export folders found</source>
        <translation>Gefundene Exportordner</translation>
    </message>
    <message>
        <source>&amp;Folder to import (as the replica host sees it):</source>
        <translation>Zu importierender &amp;Ordner (wie der Replikathost ihn sieht):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Rescan drives</source>
        <translation>Laufwerke &amp;erneut durchsuchen</translation>
    </message>
    <message>
        <source>Lab: &amp;ship the drive here</source>
        <translation>Labor: Laufwerk &amp;hierher liefern</translation>
    </message>
    <message>
        <source>The simulated courier: unplug the drive with this VM's copy from the lab's primary host and plug it into this one.</source>
        <translation>Der simulierte Kurier: trennt das Laufwerk mit der Kopie dieser VM vom primären Host des Labors und schließt es an diesen Host an.</translation>
    </message>
    <message>
        <source>Every export folder on the drive (its root and one level below) is matched with the replica VM it belongs to by VM ID; you tick which to import on the next page.</source>
        <translation>Jeder Exportordner auf dem Laufwerk (im Stammverzeichnis und eine Ebene darunter) wird über die VM-ID der Replikat-VM zugeordnet, zu der er gehört; auf der nächsten Seite wählen Sie aus, welche importiert werden.</translation>
    </message>
    <message>
        <source>Choose the drive (or a folder on it) that holds the copies: every export folder on it is matched with the replica VM it belongs to by VM ID.</source>
        <translation>Wählen Sie das Laufwerk (oder einen Ordner darauf) mit den Kopien: Jeder Exportordner darauf wird über die VM-ID der Replikat-VM zugeordnet, zu der er gehört.</translation>
    </message>
    <message>
        <source>The copy of %1 is the folder %2_%3 on a drive connected to %4.</source>
        <translation>Die Kopie von %1 ist der Ordner %2_%3 auf einem Laufwerk, das an %4 angeschlossen ist.</translation>
    </message>
    <message>
        <source>A remote host's folders cannot be browsed from here: type the path.</source>
        <translation>Die Ordner eines Remotehosts können von hier aus nicht durchsucht werden: Geben Sie den Pfad ein.</translation>
    </message>
    <message>
        <source>No lab drive holds a copy of %1. Export it on the primary first.</source>
        <translation>Kein Laufwerk im Labor enthält eine Kopie von %1. Exportieren Sie sie zuerst auf dem primären Host.</translation>
    </message>
    <message>
        <source>The courier delivered %1.</source>
        <translation>Der Kurier hat %1 geliefert.</translation>
    </message>
    <message>
        <source>The courier is on the way…</source>
        <translation>Der Kurier ist unterwegs…</translation>
    </message>
    <message>
        <source>Looking for export folders on the USB drives…</source>
        <translation>Auf den USB-Laufwerken wird nach Exportordnern gesucht…</translation>
    </message>
    <message>
        <source>no export folder</source>
        <translation>kein Exportordner</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No: another VM (%1)</source>
        <translation>Nein: andere VM (%1)</translation>
    </message>
    <message>
        <source>No folder for %1 (ID %2) was found on the USB drives of %3. Connect the drive and press Rescan, or type or browse to the folder (for example a copy on a local disk or a cluster volume).</source>
        <translation>Auf den USB-Laufwerken von %3 wurde kein Ordner für %1 (ID %2) gefunden. Schließen Sie das Laufwerk an und klicken Sie auf „Laufwerke erneut durchsuchen“, oder geben Sie den Ordner ein bzw. wählen Sie ihn aus (zum Beispiel eine Kopie auf einem lokalen Datenträger oder einem Clustervolume).</translation>
    </message>
    <message>
        <source>The host reports no USB drive.</source>
        <translation>Der Host meldet kein USB-Laufwerk.</translation>
    </message>
    <message>
        <source>Next checks the folder against %1 before anything is imported.</source>
        <translation>Mit „Weiter“ wird der Ordner mit %1 abgeglichen, bevor etwas importiert wird.</translation>
    </message>
    <message>
        <source>Import &amp;every copy on this drive (%1 export folders found on the USB drives)</source>
        <translation>&amp;Alle Kopien auf diesem Laufwerk importieren (%1 Exportordner auf den USB-Laufwerken gefunden)</translation>
    </message>
    <message>
        <source>Next lists every export folder under %1 beside the replica VM it belongs to; nothing is imported before you tick and press Import.</source>
        <translation>„Weiter“ listet jeden Exportordner unter %1 neben der Replikat-VM auf, zu der er gehört; es wird nichts importiert, bevor Sie auswählen und auf „Importieren“ klicken.</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>Exportordner auswählen</translation>
    </message>
</context>
<context>
    <name>FingerprintBox</name>
    <message>
        <source>Manifest fingerprints</source>
        <translation>Fingerabdrücke der Manifeste</translation>
    </message>
    <message>
        <source>Pass these on apart from the drive, by mail or phone: on the replica host, hvseed checks that the manifest that arrives is the one written here.</source>
        <translation>Geben Sie diese getrennt vom Laufwerk weiter, per Mail oder Telefon: Auf dem Replikat-Host prüft hvseed damit, dass das ankommende Manifest das hier geschriebene ist.</translation>
    </message>
</context>
<context>
    <name>Folder</name>
    <message>
        <source>Folder not found</source>
        <translation>Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>The folder {path} does not exist on this host. Check the drive is connected and has the same drive letter here, then choose the folder again.</source>
        <translation>Der Ordner {path} existiert auf diesem Host nicht. Prüfen Sie, ob das Laufwerk angeschlossen ist und hier denselben Laufwerksbuchstaben hat, und wählen Sie den Ordner dann erneut.</translation>
    </message>
    <message>
        <source>Choose one of the VM folders inside it: {folders}.</source>
        <translation>Wählen Sie einen der VM-Ordner darin: {folders}.</translation>
    </message>
    <message>
        <source>It looks like a folder inside the VM folder; choose its parent {parent} instead.</source>
        <translation>Das sieht aus wie ein Ordner innerhalb des VM-Ordners; wählen Sie stattdessen den übergeordneten Ordner {parent}.</translation>
    </message>
    <message>
        <source>No VM folder was found inside it; check you have the right drive.</source>
        <translation>Darin wurde kein VM-Ordner gefunden; prüfen Sie, ob es das richtige Laufwerk ist.</translation>
    </message>
    <message>
        <source>the root of a drive</source>
        <translation>das Stammverzeichnis eines Laufwerks</translation>
    </message>
    <message>
        <source>not a VM folder</source>
        <translation>kein VM-Ordner</translation>
    </message>
    <message>
        <source>Not a VM folder</source>
        <translation>Kein VM-Ordner</translation>
    </message>
    <message>
        <source>{path} is {where}. Import needs the VM's own folder, named &lt;VMName&gt;_&lt;VMId&gt;. {hint}</source>
        <translation>{path} ist {where}. Der Import braucht den Ordner der VM selbst, benannt &lt;VMName&gt;_&lt;VMId&gt;. {hint}</translation>
    </message>
    <message>
        <source>XML file not readable</source>
        <translation>XML-Datei nicht lesbar</translation>
    </message>
    <message>
        <source>{rel} could not be read ({p}). Copy the folder again from the primary host, or export the initial copy again.</source>
        <translation>{rel} konnte nicht gelesen werden ({p}). Kopieren Sie den Ordner erneut vom primären Server, oder exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>XML file not read</source>
        <translation>XML-Datei nicht gelesen</translation>
    </message>
    <message>
        <source>{rel} is {size}, too large for a VM configuration, and was not read. Check the folder really is a Hyper-V export.</source>
        <translation>{rel} ist {size} groß, zu groß für eine VM-Konfiguration, und wurde nicht gelesen. Prüfen Sie, ob der Ordner wirklich ein Hyper-V-Export ist.</translation>
    </message>
    <message>
        <source>{rel} was not read, so its VM ID could not be checked.</source>
        <translation>{rel} wurde nicht gelesen, daher konnte seine VM-ID nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Do not import from this folder: it did not come from Hyper-V as it is. Export the initial copy again.</source>
        <translation>Importieren Sie nicht aus diesem Ordner: Er stammt so nicht von Hyper-V. Exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>The copy is damaged or incomplete: copy the folder again from the primary host, or export the initial copy again.</source>
        <translation>Die Kopie ist beschädigt oder unvollständig: Kopieren Sie den Ordner erneut vom primären Server, oder exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>XML file not usable</source>
        <translation>XML-Datei nicht verwendbar</translation>
    </message>
    <message>
        <source>{problem} {advice}</source>
        <translation>{problem} {advice}</translation>
    </message>
    <message>
        <source>No XML configuration</source>
        <translation>Keine XML-Konfiguration</translation>
    </message>
    <message>
        <source>The folder holds no XML file, so its VM ID can only be read from the folder name. Make sure the whole folder was copied.</source>
        <translation>Der Ordner enthält keine XML-Datei, daher lässt sich seine VM-ID nur aus dem Ordnernamen lesen. Stellen Sie sicher, dass der ganze Ordner kopiert wurde.</translation>
    </message>
    <message>
        <source>Configuration file renamed</source>
        <translation>Konfigurationsdatei umbenannt</translation>
    </message>
    <message>
        <source>{file} is named after VM {named}, but its content names {p}. The content decides; check nobody renamed files in the folder.</source>
        <translation>{file} ist nach der VM {named} benannt, ihr Inhalt nennt aber {p}. Der Inhalt entscheidet; prüfen Sie, ob niemand Dateien im Ordner umbenannt hat.</translation>
    </message>
    <message>
        <source>Configuration of more than one VM</source>
        <translation>Konfiguration mehrerer VMs</translation>
    </message>
    <message>
        <source>The folder holds configuration for more than one VM ({listing}). A Hyper-V export folder holds one VM's copy: it was mixed with another VM's files. Use the folder exactly as Hyper-V exported it, or export again.</source>
        <translation>Der Ordner enthält die Konfiguration mehrerer VMs ({listing}). Ein Hyper-V-Exportordner enthält die Kopie einer VM: Er wurde mit den Dateien einer anderen VM vermischt. Verwenden Sie den Ordner genau so, wie Hyper-V ihn exportiert hat, oder exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>VM IDs disagree</source>
        <translation>VM-IDs widersprechen sich</translation>
    </message>
    <message>
        <source>The folder name says VM ID {folder_id}, but {p} ({where}) states {xml_id}. The folder was renamed or holds another VM's copy: use the folder exactly as Hyper-V exported it.</source>
        <translation>Der Ordnername nennt die VM-ID {folder_id}, {p} ({where}) aber {xml_id}. Der Ordner wurde umbenannt oder enthält die Kopie einer anderen VM: Verwenden Sie den Ordner genau so, wie Hyper-V ihn exportiert hat.</translation>
    </message>
    <message>
        <source>the XML</source>
        <translation>das XML</translation>
    </message>
    <message>
        <source>No virtual disk files</source>
        <translation>Keine Dateien virtueller Festplatten</translation>
    </message>
    <message>
        <source>The folder holds no .vhdx, .vhd or .avhdx file, so there is nothing to import. The export did not finish or the copy is incomplete: export again.</source>
        <translation>Der Ordner enthält keine .vhdx-, .vhd- oder .avhdx-Datei, also gibt es nichts zu importieren. Der Export wurde nicht beendet oder die Kopie ist unvollständig: Exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>Disk file missing</source>
        <translation>Festplattendatei fehlt</translation>
    </message>
    <message>
        <source>The configuration lists {name}, but the folder does not contain it. Copy the complete folder again (Hyper-V needs every disk under its original name).</source>
        <translation>Die Konfiguration führt {name} auf, der Ordner enthält sie aber nicht. Kopieren Sie den ganzen Ordner erneut (Hyper-V braucht jede Festplatte unter ihrem ursprünglichen Namen).</translation>
    </message>
    <message>
        <source>Disk file smaller than listed</source>
        <translation>Festplattendatei kleiner als aufgeführt</translation>
    </message>
    <message>
        <source>{name} is {size} but the configuration lists {size2}. If a fixed disk was converted to a dynamic one on the drive (supported, same name and format), this is expected and the manifest check reports this file as changed; otherwise the copy was cut short: copy it again.</source>
        <translation>{name} ist {size} groß, die Konfiguration nennt aber {size2}. Wurde eine feste Festplatte auf dem Laufwerk in eine dynamische umgewandelt (unterstützt, gleicher Name und gleiches Format), ist das zu erwarten, und die Manifestprüfung meldet diese Datei als geändert; sonst wurde die Kopie abgeschnitten: Kopieren Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Not enabled</source>
        <translation>Nicht aktiviert</translation>
    </message>
    <message>
        <source>Ready for initial replication</source>
        <translation>Bereit für die Erstreplikation</translation>
    </message>
    <message>
        <source>Initial replication in progress</source>
        <translation>Erstreplikation wird ausgeführt</translation>
    </message>
    <message>
        <source>Waiting to complete initial replication</source>
        <translation>Warten auf Abschluss der Erstreplikation</translation>
    </message>
    <message>
        <source>Replicating</source>
        <translation>Replikation wird ausgeführt</translation>
    </message>
    <message>
        <source>Prepared for failover</source>
        <translation>Für Failover vorbereitet</translation>
    </message>
    <message>
        <source>Failed over, not yet committed</source>
        <translation>Failover ausgeführt, noch nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Failed over</source>
        <translation>Failover ausgeführt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Waiting to start resynchronization</source>
        <translation>Warten auf Start der erneuten Synchronisierung</translation>
    </message>
    <message>
        <source>Resynchronizing</source>
        <translation>Erneute Synchronisierung wird ausgeführt</translation>
    </message>
    <message>
        <source>Resynchronization paused</source>
        <translation>Erneute Synchronisierung angehalten</translation>
    </message>
    <message>
        <source>Failover in progress</source>
        <translation>Failover wird ausgeführt</translation>
    </message>
    <message>
        <source>Failback in progress</source>
        <translation>Failback wird ausgeführt</translation>
    </message>
    <message>
        <source>Failback complete</source>
        <translation>Failback abgeschlossen</translation>
    </message>
    <message>
        <source>Disk update in progress</source>
        <translation>Datenträgeraktualisierung wird ausgeführt</translation>
    </message>
    <message>
        <source>Disk update critical</source>
        <translation>Datenträgeraktualisierung kritisch</translation>
    </message>
    <message>
        <source>Repurpose replication in progress</source>
        <translation>Umwidmung der Replikation wird ausgeführt</translation>
    </message>
    <message>
        <source>Prepared for sync replication</source>
        <translation>Für synchrone Replikation vorbereitet</translation>
    </message>
    <message>
        <source>Prepared for group reverse replication</source>
        <translation>Für umgekehrte Gruppenreplikation vorbereitet</translation>
    </message>
    <message>
        <source>Test failover in progress</source>
        <translation>Testfailover wird ausgeführt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Wird gespeichert</translation>
    </message>
    <message>
        <source>Pausing</source>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Wird fortgesetzt</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Nicht zutreffend</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
</context>
<context>
    <name>FrequencyPage</name>
    <message>
        <source>Configure Replication Frequency</source>
        <translation>Replikationshäufigkeit konfigurieren</translation>
    </message>
    <message>
        <source>How often changes are sent to the Replica server once replication runs.</source>
        <translation>Wie oft Änderungen an den Replikatserver gesendet werden, sobald die Replikation läuft.</translation>
    </message>
    <message>
        <source>&amp;30 seconds</source>
        <translation>&amp;30 Sekunden</translation>
    </message>
    <message>
        <source>&amp;5 minutes (default)</source>
        <translation>&amp;5 Minuten (Standard)</translation>
    </message>
    <message>
        <source>&amp;15 minutes</source>
        <translation>&amp;15 Minuten</translation>
    </message>
    <message>
        <source>While the drive travels, changes keep flowing over the network at this frequency and wait on the Replica server until the initial copy is imported.</source>
        <translation>Während das Laufwerk unterwegs ist, werden Änderungen weiterhin in dieser Häufigkeit über das Netzwerk übertragen und warten auf dem Replikatserver, bis die Erstkopie importiert ist.</translation>
    </message>
</context>
<context>
    <name>HandoverBox</name>
    <message>
        <source>Handover reports written beside the folders: %1</source>
        <translation>Übergabeberichte neben den Ordnern gespeichert: %1</translation>
    </message>
    <message>
        <source>Handover report written beside the folders: %1</source>
        <translation>Übergabebericht neben den Ordnern gespeichert: %1</translation>
    </message>
    <message>
        <source>The drive is attached to Host A, not to this computer: no text report was written on it and the file hashes are not in the report. Save the PDF, or run 'hvseed report' on Host A.</source>
        <translation>Das Laufwerk ist an Host A angeschlossen, nicht an diesen Computer: Es wurde kein Textbericht darauf gespeichert, und die Datei-Hashes fehlen im Bericht. Speichern Sie die PDF-Datei, oder führen Sie „hvseed report“ auf Host A aus.</translation>
    </message>
    <message>
        <source>Save handover &amp;report (PDF)…</source>
        <translation>Übergabe&amp;bericht speichern (PDF)…</translation>
    </message>
    <message>
        <source>Preparing the handover report…</source>
        <translation>Der Übergabebericht wird vorbereitet…</translation>
    </message>
    <message>
        <source>It includes the new manifests and replaces the report written before them, which you may delete.</source>
        <translation>Er enthält die neuen Manifeste und ersetzt den zuvor geschriebenen Bericht, den Sie löschen können.</translation>
    </message>
    <message>
        <source>The handover report could not be written: %1</source>
        <translation>Der Übergabebericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Save handover report</source>
        <translation>Übergabebericht speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Handover: %1</source>
        <translation>Übergabe: %1</translation>
    </message>
    <message numerus="yes">
        <source>Handover report saved: %1 (%n page(s)). Print it and give it with the drive.</source>
        <translation>
            <numerusform>Übergabebericht gespeichert: %1 (%n Seite). Drucken Sie ihn aus und geben Sie ihn mit dem Laufwerk weiter.</numerusform>
            <numerusform>Übergabebericht gespeichert: %1 (%n Seiten). Drucken Sie ihn aus und geben Sie ihn mit dem Laufwerk weiter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HashingBox</name>
    <message>
        <source>Hashing progress</source>
        <translation>Fortschritt der Hashberechnung</translation>
    </message>
    <message>
        <source>Cancel &amp;hashing</source>
        <translation>&amp;Hashberechnung abbrechen</translation>
    </message>
    <message>
        <source>Stop hashing; the copy stays usable, but cannot be verified on arrival.</source>
        <translation>Hashberechnung beenden; die Kopie bleibt verwendbar, kann aber bei Ankunft nicht überprüft werden.</translation>
    </message>
    <message>
        <source>&amp;Hash again</source>
        <translation>Hash &amp;erneut berechnen</translation>
    </message>
    <message>
        <source>Hash the folders again and write their integrity manifests.</source>
        <translation>Hashes der Ordner erneut berechnen und ihre Integritätsmanifeste schreiben.</translation>
    </message>
    <message>
        <source>Stopping the hashing…</source>
        <translation>Hashberechnung wird beendet…</translation>
    </message>
    <message>
        <source> (%1 of %2)</source>
        <translation> (%1 von %2)</translation>
    </message>
    <message>
        <source>Hashing %1%2 for the integrity manifest</source>
        <translation>Hashberechnung für %1%2 (Integritätsmanifest)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>HostPage</name>
    <message>
        <source>hvseed is changing the host and waits for its answer; stopping now would leave the change untracked.</source>
        <translation>hvseed ändert gerade den Host und wartet auf seine Antwort; wer jetzt abbricht, verliert den Überblick über die Änderung.</translation>
    </message>
    <message>
        <source>Stopped waiting for the host.</source>
        <translation>Das Warten auf den Host wurde beendet.</translation>
    </message>
</context>
<context>
    <name>ImportAll</name>
    <message>
        <source>Not started: the run was stopped.</source>
        <extracomment>a VM the stopped run never reached</extracomment>
        <translation>Nicht begonnen: Der Lauf wurde angehalten.</translation>
    </message>
    <message>
        <source>No replica VM with ID {vm_id} on {host}: enable replication of that VM first, or connect to the host that holds its replica.</source>
        <translation>Keine Replikat-VM mit der ID {vm_id} auf {host}: Aktivieren Sie zuerst die Replikation dieser VM, oder verbinden Sie sich mit dem Host, der ihr Replikat hat.</translation>
    </message>
    <message>
        <source>A second folder holds the copy of {vm} ({vm_id}); import needs exactly one. Remove the extra copy from the drive, then run again.</source>
        <translation>Ein zweiter Ordner enthält die Kopie von {vm} ({vm_id}); der Import braucht genau einen. Entfernen Sie die zusätzliche Kopie vom Laufwerk und starten Sie erneut.</translation>
    </message>
    <message>
        <source>{vm} is no longer waiting for its initial copy (state {state}): imported earlier.</source>
        <translation>{vm} wartet nicht mehr auf ihre Erstkopie (Zustand {state}): früher importiert.</translation>
    </message>
    <message>
        <source>Imported without a full verification: {unchecked}</source>
        <translation>Ohne vollständige Prüfung importiert: {unchecked}</translation>
    </message>
</context>
<context>
    <name>ImportConnectPage</name>
    <message>
        <source>Connect to the replica host</source>
        <translation>Mit dem Replikathost verbinden</translation>
    </message>
    <message>
        <source>The replica host (Host B) holds the replica VM that waits for its initial copy. Connect the drive to it, then connect hvseed to it.</source>
        <translation>Auf dem Replikathost (Host B) befindet sich die Replikat-VM, die auf ihre Erstkopie wartet. Schließen Sie das Laufwerk dort an und verbinden Sie dann hvseed mit diesem Host.</translation>
    </message>
    <message>
        <source>Lab host</source>
        <translation>Laborhost</translation>
    </message>
    <message>
        <source>Lab &amp;host:</source>
        <translation>L&amp;aborhost:</translation>
    </message>
    <message>
        <source>&amp;Follow the running import of %1 (from %2)</source>
        <translation>Laufenden Import von %1 (aus %2) &amp;verfolgen</translation>
    </message>
    <message>
        <source>%1 does not run Hyper-V. Choose the replica host that holds the replica VM.</source>
        <translation>Auf %1 wird Hyper-V nicht ausgeführt. Wählen Sie den Replikathost, auf dem sich die Replikat-VM befindet.</translation>
    </message>
    <message>
        <source>%1 has no VM with the ID %2 any more, so hvseed cannot follow the import of %3. Untick Follow and choose the replica VM.</source>
        <translation>%1 hat keine VM mit der ID %2 mehr, daher kann hvseed dem Import von %3 nicht folgen. Entfernen Sie das Häkchen bei „Folgen“ und wählen Sie die Replikat-VM.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>ImportDonePage</name>
    <message>
        <source>The initial copy is imported</source>
        <translation>Die Erstkopie ist importiert</translation>
    </message>
    <message>
        <source>Replication now runs over the network; the drive can be wiped or returned.</source>
        <translation>Die Replikation läuft jetzt über das Netzwerk; das Laufwerk kann gelöscht oder zurückgegeben werden.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Integrität:</translation>
    </message>
    <message>
        <source>Last replication:</source>
        <translation>Letzte Replikation:</translation>
    </message>
    <message>
        <source>Deltas:</source>
        <translation>Deltas:</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>Unversehrtheit:</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>Bericht s&amp;peichern…</translation>
    </message>
    <message>
        <source>Reading the replication state…</source>
        <translation>Der Replikationsstatus wird gelesen…</translation>
    </message>
    <message>
        <source>The copies on the drive are done</source>
        <translation>Die Kopien auf dem Laufwerk sind abgeschlossen</translation>
    </message>
    <message>
        <source>Keep the drive: the VMs not imported still wait for their initial copy. Fix the cause the report names, then import them again (those imported are skipped).</source>
        <translation>Behalten Sie das Laufwerk: Die nicht importierten VMs warten noch auf ihre Erstkopie. Beheben Sie die im Bericht genannte Ursache und importieren Sie sie erneut (bereits importierte werden übersprungen).</translation>
    </message>
    <message>
        <source>✔ %1: imported; %2</source>
        <translation>✔ %1: importiert; %2</translation>
    </message>
    <message>
        <source>✖ %1: not imported, its replica VM is unchanged.</source>
        <translation>✖ %1: nicht importiert, die Replikat-VM ist unverändert.</translation>
    </message>
    <message>
        <source>ℹ %1: %2</source>
        <translation>ℹ %1: %2</translation>
    </message>
    <message>
        <source>Not known here: the import was followed after a restart.</source>
        <translation>Hier nicht bekannt: Der Import wurde nach einem Neustart weiterverfolgt.</translation>
    </message>
    <message>
        <source>✔ Verified against the manifest (fingerprint %1).</source>
        <translation>✔ Gegen das Manifest geprüft (Fingerabdruck %1).</translation>
    </message>
    <message>
        <source>⚠ Imported without a full verification: %1</source>
        <translation>⚠ Ohne vollständige Prüfung importiert: %1</translation>
    </message>
    <message>
        <source>None yet: the first cycle follows within %1.</source>
        <translation>Noch keine: Der erste Zyklus folgt innerhalb von %1.</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>Der Bericht befindet sich in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Importbericht speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>Der Bericht konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Bericht unter %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ImportMany</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>bereits importiert</translation>
    </message>
    <message>
        <source>no replica VM</source>
        <translation>keine Replikat-VM</translation>
    </message>
    <message>
        <source>no folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
</context>
<context>
    <name>ImportManyPage</name>
    <message>
        <source>Replica VM</source>
        <translation>Replikat-VM</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>VM ID</source>
        <translation>VM-ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Import every copy on the drive</source>
        <translation>Alle Kopien auf dem Laufwerk importieren</translation>
    </message>
    <message>
        <source>Each folder beside the replica VM it belongs to, matched by VM ID.</source>
        <translation>Jeder Ordner neben der Replikat-VM, zu der er gehört, zugeordnet über die VM-ID.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Export folders and replica VMs</source>
        <translation>Exportordner und Replikat-VMs</translation>
    </message>
    <message>
        <source>&amp;Read the drive again</source>
        <translation>Laufwerk &amp;erneut lesen</translation>
    </message>
    <message>
        <source>Export folders under %1 (and one level below) matched with the replica VMs of %2 by VM ID, never by name. Nothing is imported until you press Import.</source>
        <translation>Exportordner unter %1 (und eine Ebene darunter), den Replikat-VMs von %2 über die VM-ID zugeordnet, nie über den Namen. Es wird nichts importiert, bevor Sie auf „Importieren“ klicken.</translation>
    </message>
    <message>
        <source>Reading the drive and the replica VMs…</source>
        <translation>Laufwerk und Replikat-VMs werden gelesen…</translation>
    </message>
    <message>
        <source>No export folder (&lt;VMName&gt;_&lt;VMId&gt;) was found under %1, and no replica VM waits on %2. Go back and choose the drive or the folder that holds the copies.</source>
        <translation>Unter %1 wurde kein Exportordner (&lt;VMName&gt;_&lt;VMId&gt;) gefunden, und auf %2 wartet keine Replikat-VM. Gehen Sie zurück und wählen Sie das Laufwerk oder den Ordner mit den Kopien.</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Passes; every file is verified against its manifest before its import.</source>
        <translation>Bestanden; jede Datei wird vor dem Import anhand ihres Manifests überprüft.</translation>
    </message>
    <message>
        <source>%1 of %2 folder(s) pass the gate; %3 ticked. They are verified and imported one after another; a copy that is refused or fails stops no other, and its replica VM stays as it is.</source>
        <translation>%1 von %2 Ordner(n) bestehen die Prüfung; %3 ausgewählt. Sie werden nacheinander überprüft und importiert; eine abgelehnte oder fehlgeschlagene Kopie hält keine andere auf, und ihre Replikat-VM bleibt unverändert.</translation>
    </message>
    <message>
        <source>No copy on this drive can be imported here; the greyed rows say why.</source>
        <translation>Keine Kopie auf diesem Laufwerk kann hier importiert werden; die ausgegrauten Zeilen nennen den Grund.</translation>
    </message>
</context>
<context>
    <name>ImportManyRunPage</name>
    <message>
        <source>Replica VM</source>
        <translation>Replikat-VM</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Importing the copies</source>
        <translation>Die Kopien werden importiert</translation>
    </message>
    <message>
        <source>One after another, each through the same checks as a single import.</source>
        <translation>Nacheinander, jede mit denselben Prüfungen wie ein einzelner Import.</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Import &amp;these without a full verification</source>
        <translation>&amp;Diese ohne vollständige Prüfung importieren</translation>
    </message>
    <message>
        <source>S&amp;top after the current VM</source>
        <translation>Nach der aktuellen VM an&amp;halten</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation>Wartet, bis sie an der Reihe ist</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Verifying against the manifest…</source>
        <translation>Wird anhand des Manifests überprüft…</translation>
    </message>
    <message>
        <source>Verifying: %1 of %2</source>
        <translation>Überprüfung: %1 von %2</translation>
    </message>
    <message>
        <source>The import runs in Hyper-V now; it cannot be cancelled from here.</source>
        <translation>Der Import läuft jetzt in Hyper-V; er kann von hier aus nicht abgebrochen werden.</translation>
    </message>
    <message>
        <source>Importing: %p %</source>
        <translation>Import: %p %</translation>
    </message>
    <message>
        <source>Imported; replication is healthy: %1</source>
        <translation>Importiert; die Replikation ist fehlerfrei: %1</translation>
    </message>
    <message>
        <source>Imported; waiting for Replicating / Normal, now %1</source>
        <translation>Importiert; warten auf „Replicating / Normal“, jetzt %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Imported; following its health…</source>
        <translation>Importiert; der Replikationszustand wird verfolgt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Import without a full verification: %1</source>
        <translation>Ohne vollständige Prüfung importieren: %1</translation>
    </message>
    <message>
        <source>%1 of %2 VM(s) imported.</source>
        <translation>%1 von %2 VM(s) importiert.</translation>
    </message>
    <message>
        <source>Not imported: %1. Their replica VMs were not changed; the reasons are above.</source>
        <translation>Nicht importiert: %1. Ihre Replikat-VMs wurden nicht geändert; die Gründe stehen oben.</translation>
    </message>
    <message>
        <source>Not every replica reached Replicating / Normal yet; check it in Hyper-V Manager (Replication → View Replication Health). You may go on.</source>
        <translation>Noch nicht jedes Replikat hat „Replicating / Normal“ erreicht; prüfen Sie es im Hyper-V-Manager (Replikation → Replikationsintegrität anzeigen). Sie können fortfahren.</translation>
    </message>
    <message>
        <source>Next: a test failover of any of them (recommended).</source>
        <translation>Als Nächstes: ein Testfailover für eine beliebige davon (empfohlen).</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>unknown (the import was followed after a restart; see the first report).</source>
        <translation>unbekannt (der Import wurde nach einem Neustart weiterverfolgt; siehe den ersten Bericht).</translation>
    </message>
    <message>
        <source>verified against the manifest (fingerprint %1, SHA-256 %2). %3</source>
        <translation>gegen das Manifest geprüft (Fingerabdruck %1, SHA-256 %2). %3</translation>
    </message>
    <message>
        <source>imported without a full verification: %1</source>
        <translation>ohne vollständige Prüfung importiert: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Replica host</source>
        <translation>Replikatserver</translation>
    </message>
    <message>
        <source>Replica VM</source>
        <translation>Replikat-VM</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>Last replication</source>
        <translation>Letzte Replikation</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>hvseed %1 — import of an initial copy</source>
        <translation>hvseed %1 — Import einer Erstkopie</translation>
    </message>
    <message>
        <source>Checks before the import:</source>
        <translation>Prüfungen vor dem Import:</translation>
    </message>
    <message>
        <source>folder %1, XML %2, replica %3</source>
        <translation>Ordner %1, XML %2, Replikat %3</translation>
    </message>
    <message>
        <source>Test failover:</source>
        <translation>Testfailover:</translation>
    </message>
    <message>
        <source>hvseed %1 — import of the initial copies on a drive</source>
        <translation>hvseed %1 — Import der Erstkopien auf einem Laufwerk</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n folder(s)</source>
        <translation>
            <numerusform>%1 von %n Ordner</numerusform>
            <numerusform>%1 von %n Ordnern</numerusform>
        </translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>nicht angehakt</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Unversehrtheit</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Import refused, nothing was changed: {reason} The replica VM {vm} is still waiting for its initial copy.</source>
        <translation>Import abgelehnt, nichts wurde geändert: {reason} Die Replikat-VM {vm} wartet weiter auf ihre Erstkopie.</translation>
    </message>
    <message>
        <source>Import refused, nothing was changed: {reason}</source>
        <translation>Import abgelehnt, nichts wurde geändert: {reason}</translation>
    </message>
    <message>
        <source>{host} copies the folder to {staged}, verifying as it copies: the drive is read once, and Hyper-V imports the verified copy.</source>
        <translation>{host} kopiert den Ordner nach {staged} und prüft dabei: Das Laufwerk wird einmal gelesen, und Hyper-V importiert die geprüfte Kopie.</translation>
    </message>
    <message>
        <source>An import of this VM is already running</source>
        <translation>Ein Import dieser VM läuft bereits</translation>
    </message>
    <message>
        <source>Another import of this VM started meanwhile</source>
        <translation>Inzwischen hat ein anderer Import dieser VM begonnen</translation>
    </message>
    <message>
        <source>{note}; following it.</source>
        <translation>{note}; er wird verfolgt.</translation>
    </message>
    <message>
        <source>No room for a local copy on the replica host: the drive is read twice (this check, then Hyper-V's import).</source>
        <extracomment>staged arrival is not possible: said, so the admin knows the drive is read twice</extracomment>
        <translation>Kein Platz für eine lokale Kopie auf dem Replikatserver: Das Laufwerk wird zweimal gelesen (diese Prüfung, dann der Import von Hyper-V).</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <source>Nothing was changed: the copy on the drive is untouched and the replica VM still waits for its initial copy.</source>
        <translation>Es wurde nichts geändert: Die Kopie auf dem Laufwerk ist unverändert, und die Replikat-VM wartet weiterhin auf ihre Erstkopie.</translation>
    </message>
    <message>
        <source>Importing the initial copy</source>
        <translation>Erstkopie wird importiert</translation>
    </message>
    <message>
        <source>You may close this window: the import goes on in Hyper-V, and hvseed picks it up again when you start it next time.</source>
        <translation>Sie können dieses Fenster schließen: Der Import läuft in Hyper-V weiter, und hvseed nimmt ihn beim nächsten Start wieder auf.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Importiert:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Verbleibende Zeit:</translation>
    </message>
    <message>
        <source>Replication:</source>
        <translation>Replikation:</translation>
    </message>
    <message>
        <source>&amp;Back to the check</source>
        <translation>Zurück zur &amp;Prüfung</translation>
    </message>
    <message>
        <source>&amp;Resume replication on Host A</source>
        <translation>Replikation auf Host A &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Reattached to the import of %1 from %2.</source>
        <translation>Wieder mit dem Import von %1 aus %2 verbunden.</translation>
    </message>
    <message>
        <source>Following the import…</source>
        <translation>Der Import wird verfolgt…</translation>
    </message>
    <message>
        <source>Starting the import of %1 from %2…</source>
        <translation>Der Import von %1 aus %2 wird gestartet…</translation>
    </message>
    <message>
        <source>Starting the import…</source>
        <translation>Der Import wird gestartet…</translation>
    </message>
    <message>
        <source>Importing from %1…</source>
        <translation>Import aus %1…</translation>
    </message>
    <message>
        <source>The import was refused when it was about to start: %1</source>
        <translation>Der Import wurde unmittelbar vor dem Start abgelehnt: %1</translation>
    </message>
    <message>
        <source>✖ Hyper-V did not start the import.</source>
        <translation>✖ Hyper-V hat den Import nicht gestartet.</translation>
    </message>
    <message>
        <source>%1 %2 Fix the cause, then go back to the check and try again.</source>
        <translation>%1 %2 Beheben Sie die Ursache, kehren Sie dann zur Prüfung zurück und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not read the replication state: %1 Retrying…</source>
        <translation>Der Replikationszustand konnte nicht gelesen werden: %1 Neuer Versuch…</translation>
    </message>
    <message numerus="yes">
        <source>ℹ %n AVHDX file(s) (%2) under %3 are recovery points: with %4 h of recovery history Hyper-V keeps them for good. This is expected: %5.</source>
        <translation>
            <numerusform>ℹ %n AVHDX-Datei (%2) unter %3 ist ein Wiederherstellungspunkt: Bei %4 h Wiederherstellungsverlauf behält Hyper-V sie dauerhaft. Das ist so gewollt: %5.</numerusform>
            <numerusform>ℹ %n AVHDX-Dateien (%2) unter %3 sind Wiederherstellungspunkte: Bei %4 h Wiederherstellungsverlauf behält Hyper-V sie dauerhaft. Das ist so gewollt: %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ℹ %n delta file(s) (%2) are still under %3: %4. Hyper-V may merge them later; hvseed does not delete them.</source>
        <translation>
            <numerusform>ℹ %n Delta-Datei (%2) liegt noch unter %3: %4. Hyper-V führt sie eventuell später zusammen; hvseed löscht sie nicht.</numerusform>
            <numerusform>ℹ %n Delta-Dateien (%2) liegen noch unter %3: %4. Hyper-V führt sie eventuell später zusammen; hvseed löscht sie nicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ Import complete.</source>
        <translation>✔ Import abgeschlossen.</translation>
    </message>
    <message>
        <source>Waiting for Hyper-V to report Replicating / Normal…</source>
        <translation>Warten, bis Hyper-V „Replicating / Normal“ meldet…</translation>
    </message>
    <message>
        <source>✖ The import failed.</source>
        <translation>✖ Der Import ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 Nothing on the drive was deleted or changed by hvseed. Check the drive is connected, then go back to the check and start the import again.</source>
        <translation>%1 hvseed hat auf dem Laufwerk nichts gelöscht oder geändert. Prüfen Sie, ob das Laufwerk angeschlossen ist, kehren Sie dann zur Prüfung zurück und starten Sie den Import erneut.</translation>
    </message>
    <message>
        <source>Waiting for Replicating / Normal; now %1 / %2.%3</source>
        <translation>Warten auf „Replicating / Normal“; derzeit %1 / %2.%3</translation>
    </message>
    <message>
        <source>✔ Replication is healthy: Replicating / Normal.</source>
        <translation>✔ Die Replikation ist fehlerfrei: Replicating / Normal.</translation>
    </message>
    <message>
        <source>The initial copy is imported. Next: a test failover (recommended).</source>
        <translation>Die Erstkopie ist importiert. Als Nächstes: ein Testfailover (empfohlen).</translation>
    </message>
    <message>
        <source>⚠ On Host A replication of this VM is %1: the link was down while the drive travelled. Resume it (Resume-VMReplication) when the network works.</source>
        <translation>⚠ Auf Host A ist die Replikation dieser VM %1: Die Verbindung war unterbrochen, während das Laufwerk unterwegs war. Setzen Sie sie fort (Resume-VMReplication), sobald das Netzwerk funktioniert.</translation>
    </message>
    <message>
        <source>⚠ On Host A replication of this VM waits for a resynchronization: the change log grew too large while the drive travelled.</source>
        <translation>⚠ Auf Host A wartet die Replikation dieser VM auf eine erneute Synchronisierung: Das Änderungsprotokoll ist zu groß geworden, während das Laufwerk unterwegs war.</translation>
    </message>
    <message>
        <source>&amp;Start the resynchronization…</source>
        <translation>Erneute Synchronisierung &amp;starten…</translation>
    </message>
    <message>
        <source>✔ On Host A replication of this VM is %1 / %2.</source>
        <translation>✔ Auf Host A ist die Replikation dieser VM %1 / %2.</translation>
    </message>
    <message>
        <source>ℹ Host A could not be read (%1). Check its replication of this VM there (Get-VMReplication) and resume it if it is Suspended or in Error.</source>
        <translation>ℹ Host A konnte nicht gelesen werden (%1). Prüfen Sie dort die Replikation dieser VM (Get-VMReplication) und setzen Sie sie fort, wenn sie angehalten ist oder einen Fehler meldet.</translation>
    </message>
    <message>
        <source>Start the resynchronization?</source>
        <translation>Erneute Synchronisierung starten?</translation>
    </message>
    <message>
        <source>Resynchronization compares the whole VM on both hosts block by block: it reads every virtual disk on Host A and the replica, can take hours for a large VM and sends every difference over the network; the VM keeps running meanwhile.</source>
        <translation>Die erneute Synchronisierung vergleicht die ganze VM auf beiden Hosts Block für Block: Sie liest jede virtuelle Festplatte auf Host A und auf dem Replikat, kann bei einer großen VM Stunden dauern und sendet jeden Unterschied über das Netzwerk; die VM läuft währenddessen weiter.</translation>
    </message>
    <message>
        <source>✔ Replication on Host A resumed: now %1 / %2.</source>
        <translation>✔ Replikation auf Host A fortgesetzt: jetzt %1 / %2.</translation>
    </message>
    <message>
        <source>Hyper-V reports %1 / %2, not Replicating / Normal.%3</source>
        <translation>Hyper-V meldet %1 / %2, nicht Replicating / Normal.%3</translation>
    </message>
    <message>
        <source>The import finished, but replication has not reached Normal health yet. Check the details above in Hyper-V Manager (Replication → View Replication Health); a Warning often clears after the next replication cycle or after Reset-VMReplicationStatistics. You may go on; hvseed keeps watching.</source>
        <translation>Der Import ist fertig, aber die Replikation hat den Zustand Normal noch nicht erreicht. Prüfen Sie die Angaben oben im Hyper-V-Manager (Replikation → Replikationsintegrität anzeigen); eine Warnung verschwindet oft nach dem nächsten Replikationszyklus oder nach Reset-VMReplicationStatistics. Sie können weitermachen; hvseed beobachtet weiter.</translation>
    </message>
    <message>
        <source>✔ The delta AVHDX files received while the drive travelled have been merged: none is left under %1.</source>
        <translation>✔ Die während des Transports empfangenen Delta-AVHDX-Dateien wurden zusammengeführt: Unter %1 ist keine mehr vorhanden.</translation>
    </message>
</context>
<context>
    <name>ImportVm</name>
    <message>
        <source>This is a test-failover VM, not a replica.</source>
        <translation>Dies ist eine Testfailover-VM, kein Replikat.</translation>
    </message>
    <message>
        <source>This VM is a primary (it is replicated from this host); import on its replica host.</source>
        <translation>Diese VM ist eine primäre VM (sie wird von diesem Host aus repliziert); importieren Sie auf ihrem Replikathost.</translation>
    </message>
    <message>
        <source>Replication is not enabled for this VM.</source>
        <translation>Für diese VM ist die Replikation nicht aktiviert.</translation>
    </message>
    <message>
        <source>Already imported: the replica is replicating.</source>
        <translation>Bereits importiert: Das Replikat wird repliziert.</translation>
    </message>
    <message>
        <source>The replica has been failed over (%1); no copy can be imported.</source>
        <translation>Für das Replikat wurde ein Failover ausgeführt (%1); es kann keine Kopie importiert werden.</translation>
    </message>
    <message>
        <source>Its replication state is %1; only a replica waiting for its initial copy can import one.</source>
        <translation>Der Replikationsstatus ist %1; nur ein Replikat, das auf seine Erstkopie wartet, kann eine importieren.</translation>
    </message>
</context>
<context>
    <name>Manifest</name>
    <message>
        <source>The manifest beside {name}{where} is incomplete ({json_name} is empty or cut short): writing it was interrupted, so the files cannot be checked. Write it again: {folder} (on the primary host before the drive travels; written later, it can only vouch for the files as they are then).</source>
        <translation>Das Manifest neben {name}{where} ist unvollständig ({json_name} ist leer oder abgeschnitten): Das Schreiben wurde unterbrochen, daher können die Dateien nicht geprüft werden. Schreiben Sie es erneut: {folder} (auf dem primären Server, bevor das Laufwerk reist; später geschrieben, kann es nur für die Dateien bürgen, wie sie dann sind).</translation>
    </message>
    <message>
        <source>{p}: OK.</source>
        <translation>{p}: OK.</translation>
    </message>
    <message>
        <source>{p}: the content differs from the manifest (SHA-256 mismatch). The copy was damaged in transit or on the drive: export the initial copy again.</source>
        <translation>{p}: Der Inhalt weicht vom Manifest ab (SHA-256 stimmt nicht). Die Kopie wurde beim Transport oder auf dem Laufwerk beschädigt: Exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>{p}: {actual_size} bytes instead of {expected_size}; the file is incomplete (drive removed too early, or a copy interrupted): export again, or copy the folder again from the exported original.</source>
        <translation>{p}: {actual_size} Bytes statt {expected_size}; die Datei ist unvollständig (Laufwerk zu früh entfernt oder Kopie unterbrochen): Exportieren Sie erneut, oder kopieren Sie den Ordner erneut vom exportierten Original.</translation>
    </message>
    <message>
        <source>{p}: {actual_size} bytes instead of {expected_size}; the file was changed after the export: export the initial copy again.</source>
        <translation>{p}: {actual_size} Bytes statt {expected_size}; die Datei wurde nach dem Export geändert: Exportieren Sie die Erstkopie erneut.</translation>
    </message>
    <message>
        <source>{p}: missing. It was not copied, or was renamed or deleted (Hyper-V's import needs every file under its original name): export again.</source>
        <translation>{p}: fehlt. Sie wurde nicht kopiert, umbenannt oder gelöscht (der Import von Hyper-V braucht jede Datei unter ihrem ursprünglichen Namen): Exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>{p}: not in the manifest; it was added after the export. If you put it there, move it out of the folder and check again; otherwise export again.</source>
        <translation>{p}: nicht im Manifest; sie wurde nach dem Export hinzugefügt. Wenn Sie sie dort abgelegt haben, verschieben Sie sie aus dem Ordner und prüfen Sie erneut; sonst exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>{p}: {p2}. An export holds only plain files and folders: copy the folder again from the exported original (without links), or export again.</source>
        <translation>{p}: {p2}. Ein Export enthält nur einfache Dateien und Ordner: Kopieren Sie den Ordner erneut vom exportierten Original (ohne Verknüpfungen), oder exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>not a plain file; not read</source>
        <translation>keine einfache Datei; nicht gelesen</translation>
    </message>
    <message>
        <source>{p}: cannot be read ({p2}). The drive may be failing: copy the folder to another disk if you can, or export again.</source>
        <translation>{p}: nicht lesbar ({p2}). Das Laufwerk fällt vielleicht aus: Kopieren Sie den Ordner wenn möglich auf einen anderen Datenträger, oder exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>Lesefehler</translation>
    </message>
    <message>
        <source>The export folder {folder} does not exist. Check the drive letter and that the drive holds the folder &lt;VMName&gt;_&lt;VMId&gt;.</source>
        <translation>Der Exportordner {folder} existiert nicht. Prüfen Sie den Laufwerksbuchstaben und ob das Laufwerk den Ordner &lt;VMName&gt;_&lt;VMId&gt; enthält.</translation>
    </message>
    <message>
        <source>There is no manifest beside {name} (expected {name2}). The export was not made by hvseed or the manifest was not copied along, so the files cannot be checked: copy the manifest files too, or export again with hvseed.</source>
        <translation>Neben {name} liegt kein Manifest (erwartet: {name2}). Der Export wurde nicht von hvseed gemacht oder das Manifest wurde nicht mitkopiert, daher können die Dateien nicht geprüft werden: Kopieren Sie die Manifestdateien mit, oder exportieren Sie erneut mit hvseed.</translation>
    </message>
    <message>
        <source>The manifest {json_path} cannot be used: {reason}. It was damaged or edited; without it the files cannot be checked: export again.</source>
        <translation>Das Manifest {json_path} ist nicht verwendbar: {reason}. Es wurde beschädigt oder bearbeitet; ohne es können die Dateien nicht geprüft werden: Exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>Cannot read the folder {p}: {p2}. Check that the drive is connected and readable.</source>
        <translation>Der Ordner {p} ist nicht lesbar: {p2}. Prüfen Sie, ob das Laufwerk angeschlossen und lesbar ist.</translation>
    </message>
    <message>
        <source>The export folder {folder} does not exist on {where}. Check the drive letter and that the drive holds the folder &lt;VMName&gt;_&lt;VMId&gt;.</source>
        <extracomment>consecutive failed polls tolerated (a WinRM hiccup) before giving up; the job goes on</extracomment>
        <translation>Der Exportordner {folder} existiert auf {where} nicht. Prüfen Sie den Laufwerksbuchstaben und ob das Laufwerk den Ordner &lt;VMName&gt;_&lt;VMId&gt; enthält.</translation>
    </message>
    <message>
        <source> on {host}</source>
        <translation> auf {host}</translation>
    </message>
    <message>
        <source>There is no manifest beside {name} on {where} (expected {json_path}). The export was not made by hvseed or the manifest was not copied along, so the files cannot be checked: copy the manifest files too, or export again with hvseed.</source>
        <translation>Neben {name} auf {where} liegt kein Manifest (erwartet: {json_path}). Der Export wurde nicht von hvseed gemacht oder das Manifest wurde nicht mitkopiert, daher können die Dateien nicht geprüft werden: Kopieren Sie die Manifestdateien mit, oder exportieren Sie erneut mit hvseed.</translation>
    </message>
    <message>
        <source>The manifest {json_path} cannot be used: {p}. It was damaged or edited; without it the files cannot be checked: export again.</source>
        <translation>Das Manifest {json_path} ist nicht verwendbar: {p}. Es wurde beschädigt oder bearbeitet; ohne es können die Dateien nicht geprüft werden: Exportieren Sie erneut.</translation>
    </message>
</context>
<context>
    <name>ManifestJob</name>
    <message>
        <source>The copy on the drive is fine, but the replica side cannot verify its content on arrival.</source>
        <translation>Die Kopie auf dem Laufwerk ist in Ordnung, aber die Replikatseite kann ihren Inhalt bei Ankunft nicht überprüfen.</translation>
    </message>
    <message>
        <source>✔ %1: read back from the drive, all %2 files match.</source>
        <translation>✔ %1: vom Laufwerk zurückgelesen, alle %2 Dateien stimmen.</translation>
    </message>
    <message>
        <source>✖ %1: read back from the drive, %2 of %3 files do not match the manifest: the drive did not keep what was written. Use another drive and export again.</source>
        <translation>✖ %1: vom Laufwerk zurückgelesen, %2 von %3 Dateien stimmen nicht mit dem Manifest überein: Das Laufwerk hat nicht behalten, was geschrieben wurde. Verwenden Sie ein anderes Laufwerk und exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>Press Hash again to create the manifest.</source>
        <translation>Klicken Sie auf „Hash erneut berechnen“, um das Manifest zu erstellen.</translation>
    </message>
    <message>
        <source>%1: the integrity manifest beside the folder is kept as it is.</source>
        <translation>%1: Das Integritätsmanifest neben dem Ordner bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>%1: integrity manifest written beside the folder (%2 files, %3): %4 and %5</source>
        <translation>%1: Integritätsmanifest neben dem Ordner gespeichert (%2 Dateien, %3): %4 und %5</translation>
    </message>
    <message>
        <source>%1: hashing was cancelled, so no integrity manifest was written.</source>
        <translation>%1: Die Hashberechnung wurde abgebrochen, daher wurde kein Integritätsmanifest geschrieben.</translation>
    </message>
    <message>
        <source>%1: no integrity manifest was written: %2</source>
        <translation>%1: Es wurde kein Integritätsmanifest geschrieben: %2</translation>
    </message>
    <message>
        <source>%1: no integrity manifest was written: the drive is attached to the remote host %2, and the wizard has no connection to it to hash the files there. The replica side can still check the folder structure and the VM's IDs.</source>
        <translation>%1: Es wurde kein Integritätsmanifest geschrieben: Das Laufwerk ist an den Remotehost %2 angeschlossen, und der Assistent hat keine Verbindung zu ihm, um die Hashwerte dort zu berechnen. Die Replikatseite kann trotzdem die Ordnerstruktur und die IDs der VM prüfen.</translation>
    </message>
    <message>
        <source>%1: hashing for the integrity manifest…</source>
        <translation>%1: Hashberechnung für das Integritätsmanifest…</translation>
    </message>
    <message>
        <source>%1: waiting to be hashed for the integrity manifest.</source>
        <translation>%1: wartet auf die Hashberechnung für das Integritätsmanifest.</translation>
    </message>
    <message>
        <source>%1 (%2 files, %3)</source>
        <translation>%1 (%2 Dateien, %3)</translation>
    </message>
    <message>
        <source>Integrity manifests written beside each folder (%1 and %2: SHA-256 of every file): %3.</source>
        <translation>Integritätsmanifeste neben jedem Ordner gespeichert (%1 und %2: SHA-256 jeder Datei): %3.</translation>
    </message>
    <message>
        <source>The folder %1 is not reachable from here.</source>
        <translation>Der Ordner %1 ist von hier aus nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off — not encrypted</source>
        <translation>Aus – nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Plug the drive into Host A, or choose another drive.</source>
        <translation>Schließen Sie das Laufwerk an Host A an, oder wählen Sie ein anderes Laufwerk.</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>File system</source>
        <translation>Dateisystem</translation>
    </message>
    <message>
        <source>Free / total</source>
        <translation>Frei / gesamt</translation>
    </message>
    <message>
        <source>BitLocker</source>
        <translation>BitLocker</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Choose the external drive</source>
        <translation>Externes Laufwerk auswählen</translation>
    </message>
    <message>
        <source>USB drives attached to Host A. Plug in a drive and it appears here within a few seconds.</source>
        <translation>An Host A angeschlossene USB-Laufwerke. Ein neu angeschlossenes Laufwerk erscheint hier innerhalb weniger Sekunden.</translation>
    </message>
    <message>
        <source>USB drives</source>
        <translation>USB-Laufwerke</translation>
    </message>
    <message>
        <source>hvseed creates a sub-folder &lt;VMName&gt;_&lt;VMId&gt; here; nothing is overwritten.</source>
        <translation>hvseed erstellt hier einen Unterordner &lt;VMName&gt;_&lt;VMId&gt;; es wird nichts überschrieben.</translation>
    </message>
    <message>
        <source>&amp;Folder on the drive:</source>
        <translation>&amp;Ordner auf dem Laufwerk:</translation>
    </message>
    <message>
        <source>Which VM goes where</source>
        <translation>Welche VM auf welches Laufwerk</translation>
    </message>
    <message>
        <source>&amp;Spread the copies this way</source>
        <translation>Kopien so &amp;verteilen</translation>
    </message>
    <message>
        <source>Encrypt this drive with &amp;BitLocker To Go…</source>
        <translation>Dieses Laufwerk mit &amp;BitLocker To Go verschlüsseln…</translation>
    </message>
    <message>
        <source>Looking for USB drives on Host A…</source>
        <translation>Auf Host A wird nach USB-Laufwerken gesucht…</translation>
    </message>
    <message>
        <source>Checking %1 for an earlier export…</source>
        <translation>%1 wird auf einen früheren Export geprüft…</translation>
    </message>
    <message>
        <source>The drive now at %1 is not the drive you chose (%2): another drive was plugged in there. Check which drive is which, then choose one again.</source>
        <translation>Das Laufwerk unter %1 ist nicht das gewählte (%2): Dort wurde ein anderes Laufwerk angeschlossen. Prüfen Sie, welches Laufwerk welches ist, und wählen Sie erneut.</translation>
    </message>
    <message>
        <source>The drive you chose (%1) was unplugged. Plug it in again, or choose another drive.</source>
        <translation>Das gewählte Laufwerk (%1) wurde entfernt. Schließen Sie es wieder an, oder wählen Sie ein anderes Laufwerk.</translation>
    </message>
    <message>
        <source>The export creates %1 there; an existing export is never overwritten.</source>
        <translation>Der Export erstellt dort %1; ein vorhandener Export wird nie überschrieben.</translation>
    </message>
    <message>
        <source> VMs placed on another drive go to that drive's root.</source>
        <translation> VMs, die einem anderen Laufwerk zugeordnet sind, werden in dessen Stammverzeichnis exportiert.</translation>
    </message>
    <message>
        <source>BitLocker is on, but its recovery key is not saved yet. Choose where to save it now; hvseed keeps it only until then.</source>
        <translation>BitLocker ist eingeschaltet, aber der Wiederherstellungsschlüssel ist noch nicht gespeichert. Wählen Sie jetzt, wo er gespeichert wird; hvseed behält ihn nur bis dahin.</translation>
    </message>
    <message>
        <source>Host A</source>
        <translation>Host A</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <source>Choose Initial Replication Method</source>
        <translation>Methode für die Erstreplikation auswählen</translation>
    </message>
    <message>
        <source>The initial copy is the full content of the replicated disks.</source>
        <translation>Die Erstkopie ist der vollständige Inhalt der replizierten Festplatten.</translation>
    </message>
    <message>
        <source>Send initial copy using &amp;external media (USB drive)</source>
        <translation>Erstkopie mithilfe &amp;externer Medien senden (USB-Laufwerk)</translation>
    </message>
    <message>
        <source>Send initial copy over the &amp;network</source>
        <translation>Erstkopie über das &amp;Netzwerk senden</translation>
    </message>
    <message>
        <source>Use an existing virtual machine on the Replica server as the initial &amp;copy</source>
        <translation>Vorhandenen virtuellen Computer auf dem Replikatserver als Erstkopie &amp;verwenden</translation>
    </message>
    <message>
        <source>Start replication &amp;immediately</source>
        <translation>Replikation so&amp;fort starten</translation>
    </message>
    <message>
        <source>Start replication &amp;on:</source>
        <translation>Replikation starten a&amp;m:</translation>
    </message>
    <message>
        <source>Size of the initial copy: %1</source>
        <translation>Größe der Erstkopie: %1</translation>
    </message>
    <message>
        <source>A scheduled start can be up to 7 days ahead.</source>
        <translation>Ein geplanter Start kann bis zu 7 Tage im Voraus liegen.</translation>
    </message>
    <message>
        <source>An export to external media starts as soon as you finish the wizard.</source>
        <translation>Ein Export auf externe Medien beginnt, sobald Sie den Assistenten abschließen.</translation>
    </message>
    <message>
        <source>With this method hvseed only enables replication; you then start the initial replication in Hyper-V Manager or with the saved PowerShell script.</source>
        <translation>Mit dieser Methode aktiviert hvseed nur die Replikation; die Erstreplikation starten Sie anschließend im Hyper-V-Manager oder mit dem gespeicherten PowerShell-Skript.</translation>
    </message>
</context>
<context>
    <name>ParamsPage</name>
    <message>
        <source>Specify Connection Parameters</source>
        <translation>Verbindungsparameter angeben</translation>
    </message>
    <message>
        <source>Pre-filled from the Replica server's configuration.</source>
        <translation>Aus der Konfiguration des Replikatservers vorausgefüllt.</translation>
    </message>
    <message>
        <source>Use &amp;Kerberos authentication (HTTP)</source>
        <translation>&amp;Kerberos-Authentifizierung verwenden (HTTP)</translation>
    </message>
    <message>
        <source>Use &amp;certificate-based authentication (HTTPS)</source>
        <translation>Zerti&amp;fikatbasierte Authentifizierung verwenden (HTTPS)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>C&amp;ompress the data that is sent over the network</source>
        <translation>Über das Netzwerk übertragene Daten k&amp;omprimieren</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Replica server &amp;port:</source>
        <translation>&amp;Port des Replikatservers:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>C&amp;ertificate:</source>
        <translation>Z&amp;ertifikat:</translation>
    </message>
    <message>
        <source>Pre-filled from the configuration of %1 (accepts %2).</source>
        <translation>Aus der Konfiguration von %1 vorausgefüllt (akzeptiert %2).</translation>
    </message>
    <message>
        <source>%1 — %2, until %3</source>
        <translation>%1 – %2, gültig bis %3</translation>
    </message>
    <message>
        <source>Host A has no machine certificate for client and server authentication with a private key. Use Kerberos, or enrol a certificate first.</source>
        <translation>Host A hat kein Computerzertifikat mit privatem Schlüssel für die Client- und Serverauthentifizierung. Verwenden Sie Kerberos, oder registrieren Sie zuerst ein Zertifikat.</translation>
    </message>
    <message>
        <source>Reading the machine certificates of Host A…</source>
        <translation>Die Computerzertifikate von Host A werden gelesen…</translation>
    </message>
    <message>
        <source>Connection test passed: </source>
        <translation>Verbindungstest erfolgreich: </translation>
    </message>
    <message>
        <source>Connection test failed: </source>
        <translation>Verbindungstest fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Die Verbindung mit %1 wird getestet…</translation>
    </message>
</context>
<context>
    <name>PdfError</name>
    <message>
        <source>%1 exists already; hvseed does not replace it. Choose another name.</source>
        <translation>%1 ist bereits vorhanden; hvseed ersetzt die Datei nicht. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose another place.</source>
        <translation>Der Ordner %1 ist nicht vorhanden. Wählen Sie einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>Cannot write %1: the file cannot be created. Choose another place.</source>
        <translation>%1 kann nicht geschrieben werden: Die Datei lässt sich nicht erstellen. Wählen Sie einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>Cannot write %1. Check that the place is writable.</source>
        <translation>%1 kann nicht geschrieben werden. Prüfen Sie, ob der Speicherort beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Name the primary Hyper-V host (Host A).</source>
        <translation>Nennen Sie den primären Hyper-V-Host (Host A).</translation>
    </message>
    <message>
        <source>Choose at least one virtual machine to replicate.</source>
        <translation>Wählen Sie mindestens einen virtuellen Computer zum Replizieren.</translation>
    </message>
    <message>
        <source>'{id}' is not a valid VM ID (a GUID) for VM '{name}'.</source>
        <translation>„{id}“ ist keine gültige VM-ID (GUID) für die VM „{name}“.</translation>
    </message>
    <message>
        <source>VM '{name}' ({id}) is listed twice.</source>
        <translation>Die VM „{name}“ ({id}) ist zweimal aufgeführt.</translation>
    </message>
    <message>
        <source>Name the Replica server (or the Replica Broker).</source>
        <translation>Nennen Sie den Replikatserver (oder den Replikatbroker).</translation>
    </message>
    <message>
        <source>A server name cannot contain spaces.</source>
        <translation>Ein Servername darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>Certificate-based authentication needs a certificate: pick one (its thumbprint is 40 hexadecimal characters).</source>
        <translation>Die zertifikatbasierte Authentifizierung braucht ein Zertifikat: Wählen Sie eines (sein Fingerabdruck hat 40 Hexadezimalzeichen).</translation>
    </message>
    <message>
        <source>Replication frequency must be 30 seconds, 5 minutes or 15 minutes.</source>
        <translation>Die Replikationshäufigkeit muss 30 Sekunden, 5 Minuten oder 15 Minuten betragen.</translation>
    </message>
    <message>
        <source>Additional recovery points can cover 1 to 24 hours (0 = latest only).</source>
        <translation>Zusätzliche Wiederherstellungspunkte können 1 bis 24 Stunden abdecken (0 = nur der neueste).</translation>
    </message>
    <message>
        <source>App-consistent (VSS) snapshots need additional hourly recovery points.</source>
        <translation>Anwendungskonsistente (VSS-)Momentaufnahmen brauchen zusätzliche stündliche Wiederherstellungspunkte.</translation>
    </message>
    <message>
        <source>The VSS snapshot frequency must be between 1 and 12 hours.</source>
        <translation>Die Häufigkeit der VSS-Momentaufnahmen muss zwischen 1 und 12 Stunden liegen.</translation>
    </message>
    <message>
        <source>Choose the folder on the external drive that receives the initial copy.</source>
        <translation>Wählen Sie den Ordner auf dem externen Laufwerk, der die Erstkopie aufnimmt.</translation>
    </message>
    <message>
        <source>Hyper-V cannot schedule an export to external media; it starts at once.</source>
        <translation>Hyper-V kann einen Export auf externe Medien nicht planen; er beginnt sofort.</translation>
    </message>
    <message>
        <source>A scheduled start must lie between now and 7 days ahead.</source>
        <translation>Ein geplanter Start muss zwischen jetzt und 7 Tagen voraus liegen.</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Enabling replication and exporting the initial copy</source>
        <translation>Replikation wird aktiviert und Erstkopie exportiert</translation>
    </message>
    <message>
        <source>You may close this window: the export goes on in Hyper-V, and hvseed picks it up again when you start it next time.</source>
        <translation>Sie können dieses Fenster schließen: Der Export läuft in Hyper-V weiter, und hvseed nimmt ihn beim nächsten Start wieder auf.</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation>Virtuelle Computer</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>Geschrieben:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Verbleibende Zeit:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>&amp;Cancel export…</source>
        <translation>Export &amp;abbrechen…</translation>
    </message>
    <message>
        <source>&amp;Start the export again</source>
        <translation>Export erneut &amp;starten</translation>
    </message>
    <message>
        <source>Replication stays as it is; only the export is started again.</source>
        <translation>Die Replikation bleibt, wie sie ist; nur der Export wird erneut gestartet.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message>
        <source>✔ Replication was enabled earlier.</source>
        <translation>✔ Die Replikation wurde bereits zuvor aktiviert.</translation>
    </message>
    <message>
        <source>Reattached to the export of %1.</source>
        <translation>Wieder mit dem Export von %1 verbunden.</translation>
    </message>
    <message>
        <source>Enabling replication of %1 to %2…</source>
        <translation>Replikation von %1 nach %2 wird aktiviert…</translation>
    </message>
    <message>
        <source>Export to %1: waiting.</source>
        <translation>Export nach %1: wartet.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Export of %1</source>
        <translation>Export von %1</translation>
    </message>
    <message>
        <source>Not enabled: the export was cancelled first.</source>
        <translation>Nicht aktiviert: Der Export wurde vorher abgebrochen.</translation>
    </message>
    <message>
        <source>not enabled</source>
        <translation>nicht aktiviert</translation>
    </message>
    <message>
        <source>enabling…</source>
        <translation>wird aktiviert…</translation>
    </message>
    <message>
        <source>Enabling replication of %1…</source>
        <translation>Replikation von %1 wird aktiviert…</translation>
    </message>
    <message>
        <source>✔ replication enabled</source>
        <translation>✔ Replikation aktiviert</translation>
    </message>
    <message>
        <source>exporting…</source>
        <translation>wird exportiert…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Replication is enabled, but the export did not start: %1 Fix the cause, then press Start the export again.</source>
        <translation>Die Replikation ist aktiviert, aber der Export wurde nicht gestartet: %1 Beheben Sie die Ursache und klicken Sie dann auf „Export erneut starten“.</translation>
    </message>
    <message>
        <source>✔ enabled · ✖ export not started</source>
        <translation>✔ aktiviert · ✖ Export nicht gestartet</translation>
    </message>
    <message>
        <source>starting the export…</source>
        <translation>Export wird gestartet…</translation>
    </message>
    <message>
        <source>Starting the export again…</source>
        <translation>Der Export wird erneut gestartet…</translation>
    </message>
    <message>
        <source>✖ not enabled</source>
        <translation>✖ nicht aktiviert</translation>
    </message>
    <message>
        <source>✔ Replication enabled: %1 created the replica VM (primary state: %2).</source>
        <translation>✔ Replikation aktiviert: %1 hat die Replikat-VM erstellt (Status der primären VM: %2).</translation>
    </message>
    <message>
        <source>✔ Replication enabled for %3: %1 created the replica VMs.</source>
        <translation>✔ Replikation für %3 aktiviert: %1 hat die Replikat-VMs erstellt.</translation>
    </message>
    <message>
        <source>✖ Replication could not be enabled.</source>
        <translation>✖ Die Replikation konnte nicht aktiviert werden.</translation>
    </message>
    <message>
        <source>Replication is enabled. hvseed sends initial copies only on external media: start the initial replication in Hyper-V Manager (Replication → Start Initial Replication) or with the script from the Summary page's Save as .ps1.</source>
        <translation>Die Replikation ist aktiviert. hvseed sendet Erstkopien nur über externe Medien: Starten Sie die Erstreplikation im Hyper-V-Manager (Replikation → Erstreplikation starten) oder mit dem Skript, das Sie auf der Seite „Zusammenfassung“ mit „Als .ps1 speichern“ erhalten.</translation>
    </message>
    <message>
        <source>Could not read the export's progress: %1 Retrying…</source>
        <translation>Der Fortschritt des Exports konnte nicht gelesen werden: %1 Neuer Versuch…</translation>
    </message>
    <message>
        <source>✔ exported</source>
        <translation>✔ exportiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>The export failed; Hyper-V gave no reason.</source>
        <translation>Der Export ist fehlgeschlagen; Hyper-V hat keinen Grund angegeben.</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>not reported</source>
        <extracomment>Kerberos' default maximum tolerance for computer clock synchronization</extracomment>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>PowerShell {version}: hvseed's scripts need Windows PowerShell 5.1 (Windows Server 2012 R2 ships 4.0).</source>
        <translation>PowerShell {version}: Die Skripte von hvseed brauchen Windows PowerShell 5.1 (Windows Server 2012 R2 bringt 4.0 mit).</translation>
    </message>
    <message>
        <source>Install Windows Management Framework 5.1 on this host, restart it, and run doctor again.</source>
        <translation>Installieren Sie Windows Management Framework 5.1 auf diesem Host, starten Sie ihn neu und führen Sie doctor erneut aus.</translation>
    </message>
    <message>
        <source>Hyper-V module present, vmms running</source>
        <translation>Hyper-V-Modul vorhanden, vmms läuft</translation>
    </message>
    <message>
        <source>The Hyper-V PowerShell module is missing.</source>
        <translation>Das Hyper-V-PowerShell-Modul fehlt.</translation>
    </message>
    <message>
        <source>The vmms service is not running.</source>
        <translation>Der Dienst vmms läuft nicht.</translation>
    </message>
    <message>
        <source>Install the Hyper-V role with its management tools (Install-WindowsFeature Hyper-V -IncludeManagementTools) and start the Hyper-V Virtual Machine Management service.</source>
        <translation>Installieren Sie die Hyper-V-Rolle mit ihren Verwaltungstools (Install-WindowsFeature Hyper-V -IncludeManagementTools) und starten Sie den Dienst „Hyper-V-Verwaltung für virtuelle Computer“.</translation>
    </message>
    <message>
        <source>could not be read here</source>
        <translation>konnte hier nicht gelesen werden</translation>
    </message>
    <message>
        <source>{listeners}: no HTTPS listener.</source>
        <translation>{listeners}: kein HTTPS-Listener.</translation>
    </message>
    <message>
        <source>Connect without --https (Kerberos over HTTP 5985, encrypted), or create an HTTPS listener with a certificate for this host's name.</source>
        <translation>Verbinden Sie sich ohne --https (Kerberos über HTTP 5985, verschlüsselt), oder richten Sie einen HTTPS-Listener mit einem Zertifikat für den Namen dieses Hosts ein.</translation>
    </message>
    <message>
        <source>{listeners}: no HTTP listener.</source>
        <translation>{listeners}: kein HTTP-Listener.</translation>
    </message>
    <message>
        <source>Connect with --https (the certificate must be trusted), or run Enable-PSRemoting on this host.</source>
        <translation>Verbinden Sie sich mit --https (dem Zertifikat muss vertraut werden), oder führen Sie Enable-PSRemoting auf diesem Host aus.</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>FIPS mode is on; hvseed hashes with SHA256CryptoServiceProvider, which it allows.</source>
        <translation>FIPS-Modus ist an; hvseed berechnet Hashes mit SHA256CryptoServiceProvider, den er zulässt.</translation>
    </message>
    <message>
        <source>FIPS mode is off</source>
        <translation>FIPS-Modus ist aus</translation>
    </message>
    <message>
        <source>not readable (Defender is not the active antivirus, or no rights)</source>
        <translation>nicht lesbar (Defender ist nicht der aktive Virenschutz, oder es fehlen Rechte)</translation>
    </message>
    <message>
        <source>The rule "Block process creations originating from PSExec and WMI commands" blocks hvseed's hashing process on this host.</source>
        <translation>Die Regel „Prozesserstellungen durch PSExec- und WMI-Befehle blockieren“ blockiert auf diesem Host den Hash-Prozess von hvseed.</translation>
    </message>
    <message>
        <source>Hash from a workstation instead (hvseed verify where the drive is readable), or ask for an ASR exclusion for the hashing run.</source>
        <translation>Berechnen Sie die Hashes stattdessen auf einer Arbeitsstation (hvseed verify, wo das Laufwerk lesbar ist), oder bitten Sie um eine ASR-Ausnahme für den Hash-Lauf.</translation>
    </message>
    <message>
        <source>rule on (block)</source>
        <translation>Regel an (blockieren)</translation>
    </message>
    <message>
        <source>rule in audit mode</source>
        <translation>Regel im Überwachungsmodus</translation>
    </message>
    <message>
        <source>rule in warn mode</source>
        <translation>Regel im Warnmodus</translation>
    </message>
    <message>
        <source>rule off</source>
        <translation>Regel aus</translation>
    </message>
    <message>
        <source>rule {action}</source>
        <translation>Regel: {action}</translation>
    </message>
    <message>
        <source>Cluster {cluster} with Replica Broker {broker}.</source>
        <translation>Cluster {cluster} mit Replikatbroker {broker}.</translation>
    </message>
    <message>
        <source>not a cluster node</source>
        <translation>kein Clusterknoten</translation>
    </message>
    <message>
        <source>Node of cluster {cluster} without a Hyper-V Replica Broker.</source>
        <translation>Knoten des Clusters {cluster} ohne Hyper-V-Replikatbroker.</translation>
    </message>
    <message>
        <source>Add the Hyper-V Replica Broker role to the cluster (Failover Cluster Manager).</source>
        <translation>Fügen Sie dem Cluster die Rolle „Hyper-V-Replikatbroker“ hinzu (Failovercluster-Manager).</translation>
    </message>
    <message>
        <source>Use the broker's client access point {broker} as the Replica server; enable the listener firewall rule on every node; import on the node that owns the replica VM.</source>
        <translation>Verwenden Sie den Clientzugriffspunkt des Brokers {broker} als Replikatserver; aktivieren Sie die Firewallregel des Listeners auf jedem Knoten; importieren Sie auf dem Knoten, dem die Replikat-VM gehört.</translation>
    </message>
    <message>
        <source>Attach the drive to the node that owns the VM and export there.</source>
        <translation>Schließen Sie das Laufwerk an den Knoten an, dem die VM gehört, und exportieren Sie dort.</translation>
    </message>
    <message>
        <source>not readable (Hyper-V missing)</source>
        <translation>nicht lesbar (Hyper-V fehlt)</translation>
    </message>
    <message>
        <source>Let the wizard's Replica page propose the change (with your consent), or set it in Hyper-V Settings &gt; Replication Configuration.</source>
        <translation>Lassen Sie die Replikatseite des Assistenten die Änderung vorschlagen (mit Ihrer Zustimmung), oder stellen Sie es in den Hyper-V-Einstellungen unter „Replikationskonfiguration“ ein.</translation>
    </message>
    <message>
        <source>any authenticated server</source>
        <translation>jedem authentifizierten Server</translation>
    </message>
    <message>
        <source>accepts {auth} from {who}</source>
        <translation>nimmt {auth} von {who} an</translation>
    </message>
    <message>
        <source>no rule could be read</source>
        <translation>keine Regel lesbar</translation>
    </message>
    <message>
        <source>port {port} open</source>
        <translation>Port {port} offen</translation>
    </message>
    <message>
        <source>port {port} is not open</source>
        <translation>Port {port} ist nicht offen</translation>
    </message>
    <message>
        <source>Enable a firewall rule for TCP {port} on this host (on every node of a cluster); the wizard's Replica page offers it.</source>
        <translation>Aktivieren Sie eine Firewallregel für TCP {port} auf diesem Host (auf jedem Knoten eines Clusters); die Replikatseite des Assistenten bietet das an.</translation>
    </message>
    <message>
        <source>Use a machine certificate with Server and Client Authentication EKUs, a private key, the host's FQDN (or the broker's) as subject or SAN, from a CA both hosts trust.</source>
        <translation>Verwenden Sie ein Computerzertifikat mit den EKUs Server- und Clientauthentifizierung, einem privaten Schlüssel, dem FQDN des Hosts (oder des Brokers) als Antragsteller oder SAN, von einer Zertifizierungsstelle, der beide Hosts vertrauen.</translation>
    </message>
    <message>
        <source>no certificate configured</source>
        <translation>kein Zertifikat eingerichtet</translation>
    </message>
    <message>
        <source>the configured certificate is missing</source>
        <translation>das eingerichtete Zertifikat fehlt</translation>
    </message>
    <message>
        <source>needs both Server and Client Authentication EKUs and a private key</source>
        <translation>braucht die EKUs Server- und Clientauthentifizierung und einen privaten Schlüssel</translation>
    </message>
    <message>
        <source>Server + Client Authentication, key</source>
        <translation>Server- und Clientauthentifizierung, Schlüssel</translation>
    </message>
    <message>
        <source>client Windows with BitLocker</source>
        <translation>Client-Windows mit BitLocker</translation>
    </message>
    <message>
        <source>client Windows without BitLocker (Home editions cannot unlock the drive)</source>
        <translation>Client-Windows ohne BitLocker (Home-Editionen können das Laufwerk nicht entsperren)</translation>
    </message>
    <message>
        <source>Unlock the drive on a Pro or Enterprise edition, or ship it unencrypted.</source>
        <translation>Entsperren Sie das Laufwerk auf einer Pro- oder Enterprise-Edition, oder verschicken Sie es unverschlüsselt.</translation>
    </message>
    <message>
        <source>BitLocker feature installed</source>
        <translation>BitLocker-Feature installiert</translation>
    </message>
    <message>
        <source>The BitLocker feature is not installed (Windows Server does not install it by default): this host cannot unlock a BitLocker To Go drive.</source>
        <translation>Das BitLocker-Feature ist nicht installiert (Windows Server installiert es nicht standardmäßig): Dieser Host kann ein BitLocker-To-Go-Laufwerk nicht entsperren.</translation>
    </message>
    <message>
        <source>Install-WindowsFeature BitLocker -IncludeAllSubFeature -IncludeManagementTools, restart, then ship an encrypted drive; or ship it unencrypted.</source>
        <translation>Install-WindowsFeature BitLocker -IncludeAllSubFeature -IncludeManagementTools, neu starten, dann ein verschlüsseltes Laufwerk verschicken; oder es unverschlüsselt verschicken.</translation>
    </message>
    <message>
        <source>free space of '{location}' unknown</source>
        <translation>freier Platz in „{location}“ unbekannt</translation>
    </message>
    <message>
        <source>{free} free in {location}; the plan needs {needed}</source>
        <translation>{free} frei in {location}; der Plan braucht {needed}</translation>
    </message>
    <message>
        <source>Free space there, or choose another storage location for this primary.</source>
        <translation>Schaffen Sie dort Platz, oder wählen Sie einen anderen Speicherort für diesen primären Server.</translation>
    </message>
    <message>
        <source>clocks not read</source>
        <translation>Uhren nicht gelesen</translation>
    </message>
    <message>
        <source>{seconds} s apart</source>
        <translation>{seconds} s Abstand</translation>
    </message>
    <message>
        <source>{finding} (Kerberos allows 5 minutes)</source>
        <translation>{finding} (Kerberos erlaubt 5 Minuten)</translation>
    </message>
    <message>
        <source>Synchronise both hosts with the domain's time (w32tm /resync) and check their time source.</source>
        <translation>Synchronisieren Sie beide Hosts mit der Zeit der Domäne (w32tm /resync) und prüfen Sie ihre Zeitquelle.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Configure Additional Recovery Points</source>
        <translation>Zusätzliche Wiederherstellungspunkte konfigurieren</translation>
    </message>
    <message>
        <source>Recovery points let you fail over to an earlier state of the VM.</source>
        <translation>Mit Wiederherstellungspunkten können Sie ein Failover auf einen früheren Zustand der VM ausführen.</translation>
    </message>
    <message>
        <source>Maintain only the &amp;latest recovery point</source>
        <translation>Nur den &amp;neuesten Wiederherstellungspunkt beibehalten</translation>
    </message>
    <message>
        <source>Create additional &amp;hourly recovery points</source>
        <translation>Zusätzliche &amp;stündliche Wiederherstellungspunkte erstellen</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Volume Shadow Copy Service (&amp;VSS) snapshot frequency:</source>
        <translation>Häufigkeit der Momentaufnahmen des Volumeschattenkopie-Diensts (&amp;VSS):</translation>
    </message>
    <message>
        <source>&amp;Coverage provided by additional recovery points:</source>
        <translation>&amp;Abdeckung durch zusätzliche Wiederherstellungspunkte:</translation>
    </message>
</context>
<context>
    <name>ReplicaPage</name>
    <message>
        <source>%1 is a node of failover cluster %2. Name the Hyper-V Replica Broker's client access point %3 as the Replica server instead; the listener firewall rule must be enabled on every node, and the import runs on the node that owns the replica VM.</source>
        <translation>%1 ist ein Knoten des Failoverclusters %2. Geben Sie stattdessen den Clientzugriffspunkt %3 des Hyper-V-Replikatbrokers als Replikatserver an; die Firewallregel des Listeners muss auf jedem Knoten aktiviert sein, und der Import läuft auf dem Knoten, dem die Replikat-VM gehört.</translation>
    </message>
    <message>
        <source>%1 is a node of failover cluster %2, which has no Hyper-V Replica Broker. Add the Replica Broker role in Failover Cluster Manager, then name its client access point here.</source>
        <translation>%1 ist ein Knoten des Failoverclusters %2, der keinen Hyper-V-Replikatbroker hat. Fügen Sie im Failovercluster-Manager die Rolle Replikatbroker hinzu und geben Sie dann hier deren Clientzugriffspunkt an.</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Enable this computer as a Replica server</source>
        <translation>Diesen Computer als Replikatserver aktivieren</translation>
    </message>
    <message>
        <source>Accepted authentication</source>
        <translation>Akzeptierte Authentifizierung</translation>
    </message>
    <message>
        <source>Kerberos (HTTP) port</source>
        <translation>Port für Kerberos (HTTP)</translation>
    </message>
    <message>
        <source>Certificate-based (HTTPS) port</source>
        <translation>Port für zertifikatbasierte Authentifizierung (HTTPS)</translation>
    </message>
    <message>
        <source>Certificate (thumbprint)</source>
        <translation>Zertifikat (Fingerabdruck)</translation>
    </message>
    <message>
        <source>Allow replication from any authenticated server</source>
        <translation>Replikation von jedem authentifizierten Server zulassen</translation>
    </message>
    <message>
        <source>Default location for replica files</source>
        <translation>Standardspeicherort für Replikatdateien</translation>
    </message>
    <message>
        <source>%1: %2 → %3.</source>
        <translation>%1: %2 → %3.</translation>
    </message>
    <message>
        <source>Allow replication from the specified servers: add %1, storing its replicas in %2 (trust group %3); the servers listed now stay as they are.</source>
        <translation>Replikation von den angegebenen Servern zulassen: %1 hinzufügen, seine Replikate in %2 speichern (Vertrauensgruppe %3); die bereits aufgeführten Server bleiben unverändert.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Windows Firewall rule %1: %2 → %3.</source>
        <translation>Windows-Firewallregel %1: %2 → %3.</translation>
    </message>
    <message>
        <source>Windows Firewall: add the inbound rule %1 for TCP port %2 (the built-in Hyper-V Replica rules open ports 80 and 443 only).</source>
        <translation>Windows-Firewall: eingehende Regel %1 für TCP-Port %2 hinzufügen (die eingebauten Hyper-V-Replikatregeln öffnen nur die Ports 80 und 443).</translation>
    </message>
    <message>
        <source>This changes the firewall of %1 only: enable the same rule on every other node of cluster %2.</source>
        <translation>Dies ändert nur die Firewall von %1: Aktivieren Sie dieselbe Regel auf jedem anderen Knoten des Clusters %2.</translation>
    </message>
    <message>
        <source>Specify Replica Server</source>
        <translation>Replikatserver angeben</translation>
    </message>
    <message>
        <source>The Replica server (Host B) receives the replica VM. In a failover cluster, name the Hyper-V Replica Broker, not a node.</source>
        <translation>Der Replikatserver (Host B) nimmt die Replikat-VM auf. Geben Sie in einem Failovercluster den Hyper-V-Replikatbroker an, nicht einen Knoten.</translation>
    </message>
    <message>
        <source>Replica &amp;server:</source>
        <translation>&amp;Replikatserver:</translation>
    </message>
    <message>
        <source>&amp;Check both hosts first (read-only, as 'hvseed doctor' does)</source>
        <translation>&amp;Beide Hosts zuerst prüfen (nur lesend, wie 'hvseed doctor')</translation>
    </message>
    <message>
        <source>Let hvseed configure the Replica server</source>
        <translation>Replikatserver von hvseed konfigurieren lassen</translation>
    </message>
    <message>
        <source>Where Host B keeps replica VMs; choose a volume with room for them.</source>
        <translation>Wo Host B die Replikat-VMs speichert; wählen Sie ein Volume mit ausreichend Platz.</translation>
    </message>
    <message>
        <source>Store &amp;replicas in:</source>
        <translation>Replikate s&amp;peichern in:</translation>
    </message>
    <message>
        <source>Instead allow replication from an&amp;y authenticated server, not only from this host</source>
        <translation>Stattdessen Replikation von &amp;jedem authentifizierten Server zulassen, nicht nur von diesem Host</translation>
    </message>
    <message>
        <source>Less strict than adding this host to the list: every server that can authenticate to the Replica server may then replicate to it.</source>
        <translation>Weniger streng, als diesen Host zur Liste hinzuzufügen: Dann darf jeder Server, der sich beim Replikatserver authentifizieren kann, dorthin replizieren.</translation>
    </message>
    <message>
        <source>same as for Host A</source>
        <translation>wie für Host A</translation>
    </message>
    <message>
        <source>User on that &amp;host:</source>
        <translation>Benutzer auf diesem &amp;Host:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>I &amp;agree to these changes on the Replica server</source>
        <translation>Ich &amp;stimme diesen Änderungen auf dem Replikatserver zu</translation>
    </message>
    <message>
        <source>&amp;Apply these changes</source>
        <translation>Diese Änderungen &amp;anwenden</translation>
    </message>
    <message>
        <source>A server name cannot contain spaces.</source>
        <translation>Ein Servername darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Reading the Replica server configuration of %1…</source>
        <translation>Die Replikatserverkonfiguration von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1 does not accept replication from this host.</source>
        <translation>%1 akzeptiert keine Replikation von diesem Host.</translation>
    </message>
    <message>
        <source>hvseed can change exactly this on %1:</source>
        <translation>hvseed kann auf %1 genau Folgendes ändern:</translation>
    </message>
    <message>
        <source>hvseed has nothing it can change on %1; use Hyper-V Settings there.</source>
        <translation>hvseed kann auf %1 nichts ändern; verwenden Sie dort die Hyper-V-Einstellungen.</translation>
    </message>
    <message>
        <source>%1 is on the system drive of %2: replica VMs hold full disks and their recovery points and can fill it. Choose a folder on a data volume.</source>
        <translation>%1 liegt auf dem Systemlaufwerk von %2: Replikat-VMs enthalten vollständige Festplatten und ihre Wiederherstellungspunkte und können es füllen. Wählen Sie einen Ordner auf einem Datenvolume.</translation>
    </message>
    <message>
        <source>The Replica server still refuses replication.</source>
        <translation>Der Replikatserver lehnt die Replikation weiterhin ab.</translation>
    </message>
    <message>
        <source>%1 is now a Replica server that accepts this host. Press Next.</source>
        <translation>%1 ist jetzt ein Replikatserver, der diesen Host akzeptiert. Klicken Sie auf „Weiter“.</translation>
    </message>
    <message>
        <source>Configuring %1…</source>
        <translation>%1 wird konfiguriert…</translation>
    </message>
</context>
<context>
    <name>ReplicaServer</name>
    <message>
        <source>{host} is not enabled as a Replica server.</source>
        <extracomment>the rule's LocalPort (Get-NetFirewallPortFilter): "80", "8080-8090", "Any", …; empty when the filter was not read (then a built-in rule counts for its documented port) the built-in listener rules open the default ports only (configure-replication-single-host.md) the rule hvseed creates (with consent) for a Replica server listening on another port</extracomment>
        <translation>{host} ist nicht als Replikatserver aktiviert.</translation>
    </message>
    <message>
        <source>{host} accepts only {auth} authentication.</source>
        <translation>{host} nimmt nur die Authentifizierung {auth} an.</translation>
    </message>
    <message>
        <source>{host} accepts replication only from listed servers, and {primary} is not among them.</source>
        <translation>{host} nimmt Replikation nur von aufgeführten Servern an, und {primary} ist nicht darunter.</translation>
    </message>
    <message>
        <source>The firewall rule for the {auth} listener is disabled on {host}.</source>
        <translation>Die Firewallregel für den {auth}-Listener ist auf {host} deaktiviert.</translation>
    </message>
    <message>
        <source>The {auth} listener on {host} uses port {port}, but no enabled firewall rule opens that port: the built-in rule {rule} opens port {rule_port} only.</source>
        <translation>Der {auth}-Listener auf {host} verwendet Port {port}, aber keine aktivierte Firewallregel öffnet diesen Port: Die integrierte Regel {rule} öffnet nur Port {rule_port}.</translation>
    </message>
</context>
<context>
    <name>ReplicaVmPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>Deltas received</source>
        <translation>Empfangene Deltas</translation>
    </message>
    <message>
        <source>Can import</source>
        <translation>Import möglich</translation>
    </message>
    <message>
        <source>Choose the replica VM</source>
        <translation>Replikat-VM auswählen</translation>
    </message>
    <message>
        <source>The replica VMs on this host that wait for their initial copy.</source>
        <translation>Die Replikat-VMs auf diesem Host, die auf ihre Erstkopie warten.</translation>
    </message>
    <message>
        <source>Replica virtual machines</source>
        <translation>Virtuelle Replikatcomputer</translation>
    </message>
    <message>
        <source>Import &amp;every copy on a drive (several replica VMs wait on this host)</source>
        <translation>&amp;Alle Kopien auf einem Laufwerk importieren (auf diesem Host warten mehrere Replikat-VMs)</translation>
    </message>
    <message>
        <source>Next asks for the drive; every export folder on it is matched with the replica VM it belongs to by VM ID, and you tick which to import.</source>
        <translation>„Weiter“ fragt nach dem Laufwerk; jeder Exportordner darauf wird über die VM-ID der Replikat-VM zugeordnet, zu der er gehört, und Sie wählen aus, welche importiert werden.</translation>
    </message>
    <message>
        <source>Virtual machines on %1. An initial copy can be imported only into a replica VM that waits for it.</source>
        <translation>Virtuelle Computer auf %1. Eine Erstkopie kann nur in eine Replikat-VM importiert werden, die darauf wartet.</translation>
    </message>
    <message>
        <source>No replica VM on %1 waits for an initial copy. Enable replication on the primary host with 'Send initial copy using external media' first, or connect to the host that holds the replica.</source>
        <translation>Auf %1 wartet keine Replikat-VM auf eine Erstkopie. Aktivieren Sie zuerst auf dem primären Host die Replikation mit „Erstkopie mithilfe externer Medien senden“, oder verbinden Sie sich mit dem Host, auf dem sich das Replikat befindet.</translation>
    </message>
    <message>
        <source>Reading the deltas received meanwhile…</source>
        <translation>Die inzwischen empfangenen Deltas werden gelesen…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 in %n Datei</numerusform>
            <numerusform>%1 in %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes: waits for its initial copy</source>
        <translation>Ja: wartet auf die Erstkopie</translation>
    </message>
    <message>
        <source>%1 replica VMs wait for their initial copy; Next asks for the drive.</source>
        <translation>%1 Replikat-VMs warten auf ihre Erstkopie; „Weiter“ fragt nach dem Laufwerk.</translation>
    </message>
    <message>
        <source>Select the replica VM.</source>
        <translation>Wählen Sie die Replikat-VM aus.</translation>
    </message>
    <message>
        <source>%1 (ID %2) waits for its initial copy.</source>
        <translation>%1 (ID %2) wartet auf die Erstkopie.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>not recorded (drive not identified)</source>
        <translation>nicht erfasst (Laufwerk nicht erkannt)</translation>
    </message>
    <message>
        <source>BitLocker on: the drive is encrypted</source>
        <translation>BitLocker an: Das Laufwerk ist verschlüsselt</translation>
    </message>
    <message>
        <source>NOT ENCRYPTED (BitLocker off)</source>
        <translation>NICHT VERSCHLÜSSELT (BitLocker aus)</translation>
    </message>
    <message>
        <source>unknown (BitLocker state could not be read)</source>
        <translation>unbekannt (BitLocker-Zustand nicht lesbar)</translation>
    </message>
    <message>
        <source>The drive was not identified: its label, serial number and encryption state are not recorded. Write them on this report by hand before the drive leaves.</source>
        <translation>Das Laufwerk wurde nicht erkannt: Bezeichnung, Seriennummer und Verschlüsselungszustand sind nicht erfasst. Tragen Sie sie von Hand in diesen Bericht ein, bevor das Laufwerk das Haus verlässt.</translation>
    </message>
    <message>
        <source>NOT ENCRYPTED: this drive carries complete copies of the VMs' disks in the clear. Encrypt it with BitLocker To Go before it leaves (Microsoft recommends encrypting shipped media), or hand it over in person.</source>
        <translation>NICHT VERSCHLÜSSELT: Dieses Laufwerk trägt vollständige Kopien der Festplatten der VMs im Klartext. Verschlüsseln Sie es mit BitLocker To Go, bevor es das Haus verlässt (Microsoft empfiehlt, verschickte Medien zu verschlüsseln), oder übergeben Sie es persönlich.</translation>
    </message>
    <message>
        <source>Encryption state unknown: hvseed could not read BitLocker for {drive}. Check it ({command}) before the drive leaves; an unencrypted drive carries the VMs' disks in the clear.</source>
        <translation>Verschlüsselungszustand unbekannt: hvseed konnte BitLocker für {drive} nicht lesen. Prüfen Sie ihn ({command}), bevor das Laufwerk das Haus verlässt; ein unverschlüsseltes Laufwerk trägt die Festplatten der VMs im Klartext.</translation>
    </message>
    <message>
        <source>The export folder of {vm} is empty: export it again.</source>
        <translation>Der Exportordner von {vm} ist leer: Exportieren Sie die VM erneut.</translation>
    </message>
    <message>
        <source>No integrity manifest for {vm}: the SHA-256 values are missing, so damage in transit cannot be detected on arrival. 'hvseed run' writes the manifest beside the folder after the export.</source>
        <translation>Kein Integritätsmanifest für {vm}: Die SHA-256-Werte fehlen, daher lassen sich Transportschäden bei der Ankunft nicht erkennen. „hvseed run“ schreibt das Manifest nach dem Export neben den Ordner.</translation>
    </message>
    <message>
        <source>the replica server</source>
        <translation>den Replikatserver</translation>
    </message>
    <message>
        <source>On Windows Server the BitLocker feature must be installed first (it is not by default): Install-WindowsFeature BitLocker, then restart ('hvseed doctor' checks it before the drive is shipped).</source>
        <translation>Unter Windows Server muss zuerst das BitLocker-Feature installiert sein (standardmäßig ist es das nicht): Install-WindowsFeature BitLocker, dann neu starten („hvseed doctor“ prüft das, bevor das Laufwerk verschickt wird).</translation>
    </message>
    <message>
        <source>Unlock the drive with its BitLocker password or recovery key (sent separately, never with the drive). {feature}</source>
        <translation>Entsperren Sie das Laufwerk mit seinem BitLocker-Kennwort oder Wiederherstellungsschlüssel (getrennt geschickt, nie mit dem Laufwerk). {feature}</translation>
    </message>
    <message>
        <source>The drive is not encrypted: check that it arrived sealed and was never out of sight; report it if not.</source>
        <translation>Das Laufwerk ist nicht verschlüsselt: Prüfen Sie, ob es versiegelt ankam und nie unbeaufsichtigt war; melden Sie es, falls nicht.</translation>
    </message>
    <message>
        <source>If the drive asks for a BitLocker password, unlock it with the password or recovery key (sent separately, never with the drive). {feature}</source>
        <translation>Fragt das Laufwerk nach einem BitLocker-Kennwort, entsperren Sie es mit dem Kennwort oder dem Wiederherstellungsschlüssel (getrennt geschickt, nie mit dem Laufwerk). {feature}</translation>
    </message>
    <message>
        <source>each VM</source>
        <translation>jeder VM</translation>
    </message>
    <message>
        <source>Plug the drive into the replica server {replica} (in a failover cluster: the node that owns the replica VM).</source>
        <translation>Schließen Sie das Laufwerk an den Replikatserver {replica} an (im Failovercluster: an den Knoten, dem die Replikat-VM gehört).</translation>
    </message>
    <message>
        <source>Check that the drive's label and serial number match this report.</source>
        <translation>Prüfen Sie, ob Bezeichnung und Seriennummer des Laufwerks mit diesem Bericht übereinstimmen.</translation>
    </message>
    <message>
        <source>Start hvseed-gui and choose Import an initial copy, or on the command line run {verify} then {import_} for each VM (X: is the drive's letter on the replica server; each VM's commands are listed with it).</source>
        <translation>Starten Sie hvseed-gui und wählen Sie „Erstkopie importieren“, oder führen Sie in der Befehlszeile für jede VM {verify} und dann {import_} aus (X: ist der Buchstabe des Laufwerks auf dem Replikatserver; die Befehle jeder VM stehen bei ihr).</translation>
    </message>
    <message>
        <source>Check state and health of {names}: Replicating and Normal once the changes that waited are applied (hvseed status &lt;VM&gt;, or Get-VMReplication / Measure-VMReplication).</source>
        <translation>Prüfen Sie Zustand und Integrität von {names}: „Replikation wird ausgeführt“ (Replicating) und „Normal“, sobald die wartenden Änderungen übernommen sind (hvseed status &lt;VM&gt;, oder Get-VMReplication / Measure-VMReplication).</translation>
    </message>
    <message>
        <source>Test failover on an isolated network: Hyper-V Manager, Replication, Test Failover (Start-VMFailover -AsTest), connect the test VM to an isolated switch, boot and check it, then Stop Test Failover.</source>
        <translation>Testfailover in einem isolierten Netz: Hyper-V-Manager, Replikation, Testfailover (Start-VMFailover -AsTest), die Test-VM mit einem isolierten Switch verbinden, starten und prüfen, dann „Testfailover beenden“.</translation>
    </message>
    <message>
        <source>Keep the drive unchanged until the test failover has passed; then wipe it: it holds complete copies of the VMs' disks.</source>
        <translation>Lassen Sie das Laufwerk unverändert, bis das Testfailover bestanden ist; löschen Sie es dann: Es enthält vollständige Kopien der Festplatten der VMs.</translation>
    </message>
    <message>
        <source>On the replica server, in PowerShell (X: is the drive's letter there):</source>
        <translation>Auf dem Replikatserver, in PowerShell (X: ist dort der Buchstabe des Laufwerks):</translation>
    </message>
    <message>
        <source>Without hvseed, in PowerShell in {folder} :</source>
        <translation>Ohne hvseed, in PowerShell in {folder} :</translation>
    </message>
    <message>
        <source>Without hvseed, with bash in the drive's folder:</source>
        <translation>Ohne hvseed, mit bash im Ordner des Laufwerks:</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} Bytes</translation>
    </message>
    <message>
        <source>{size} ({count} bytes)</source>
        <translation>{size} ({count} Bytes)</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>not identified</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <source>{drive} on {host}</source>
        <translation>{drive} an {host}</translation>
    </message>
    <message>
        <source>the source host</source>
        <translation>dem Quellhost</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(keine Bezeichnung)</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>(not reported)</source>
        <translation>(nicht gemeldet)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>File system</source>
        <translation>Dateisystem</translation>
    </message>
    <message>
        <source>{fs}, {total} total, {free} free</source>
        <translation>{fs}, {total} gesamt, {free} frei</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Source host (A)</source>
        <translation>Quellhost (A)</translation>
    </message>
    <message>
        <source>Replica server (B)</source>
        <translation>Replikatserver (B)</translation>
    </message>
    <message>
        <source>Folders in</source>
        <translation>Ordner in</translation>
    </message>
    <message>
        <source>(see below)</source>
        <translation>(siehe unten)</translation>
    </message>
    <message>
        <source>Handed over by:</source>
        <translation>Übergeben von:</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>Empfangen von:</translation>
    </message>
    <message>
        <source>Date/time:</source>
        <translation>Datum/Uhrzeit:</translation>
    </message>
    <message>
        <source>Handover: {names}</source>
        <translation>Übergabe: {names}</translation>
    </message>
    <message>
        <source>hvseed handover report: initial copy for Hyper-V Replica</source>
        <translation>hvseed-Übergabebericht: Erstkopie für Hyper-V-Replikat</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>{when} by hvseed {version}</source>
        <translation>{when} von hvseed {version}</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>VMs: {count}, {size}</source>
        <translation>VMs: {count}, {size}</translation>
    </message>
    <message>
        <source>DRIVE</source>
        <translation>LAUFWERK</translation>
    </message>
    <message>
        <source>WARNINGS</source>
        <translation>WARNUNGEN</translation>
    </message>
    <message>
        <source>VIRTUAL MACHINES</source>
        <translation>VIRTUELLE COMPUTER</translation>
    </message>
    <message>
        <source>beside the folder (.hvseed-manifest.json, .sha256)</source>
        <translation>neben dem Ordner (.hvseed-manifest.json, .sha256)</translation>
    </message>
    <message>
        <source>none (no SHA-256 values)</source>
        <translation>keines (keine SHA-256-Werte)</translation>
    </message>
    <message>
        <source>VM ID</source>
        <translation>VM-ID</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Manifest fingerprint (SHA-256 of {file}):</source>
        <translation>Fingerabdruck des Manifests (SHA-256 von {file}):</translation>
    </message>
    <message>
        <source>{short}   (in full: {full})</source>
        <translation>{short}   (vollständig: {full})</translation>
    </message>
    <message>
        <source>Pass it on apart from the drive (mail, phone): the replica side checks it.</source>
        <translation>Geben Sie ihn getrennt vom Laufwerk weiter (Mail, Telefon): Die Replikatseite prüft ihn.</translation>
    </message>
    <message>
        <source>(not computed)</source>
        <translation>(nicht berechnet)</translation>
    </message>
    <message>
        <source>CHECKLIST FOR THE REPLICA SIDE</source>
        <translation>CHECKLISTE FÜR DIE REPLIKATSEITE</translation>
    </message>
    <message>
        <source>HANDOVER</source>
        <translation>ÜBERGABE</translation>
    </message>
    <message>
        <source>Handover: initial copy for Hyper-V Replica</source>
        <translation>Übergabe: Erstkopie für Hyper-V-Replikat</translation>
    </message>
    <message>
        <source>VMs: {count}, {size} · created {when} by hvseed {version}</source>
        <translation>VMs: {count}, {size} · erstellt {when} von hvseed {version}</translation>
    </message>
    <message>
        <source>Warning.</source>
        <translation>Warnung.</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>fingerprint {short}</source>
        <translation>Fingerabdruck {short}</translation>
    </message>
    <message>
        <source>Files, sizes and SHA-256 values of every folder follow on the next page(s).</source>
        <translation>Dateien, Größen und SHA-256-Werte jedes Ordners folgen auf den nächsten Seiten.</translation>
    </message>
    <message>
        <source>Checklist for the replica side</source>
        <translation>Checkliste für die Replikatseite</translation>
    </message>
    <message>
        <source>Files and SHA-256</source>
        <translation>Dateien und SHA-256</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>none: no SHA-256 values</source>
        <translation>keines: keine SHA-256-Werte</translation>
    </message>
</context>
<context>
    <name>SavedTarget</name>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>lab: %1</source>
        <translation>Labor: %1</translation>
    </message>
    <message>
        <source>default host</source>
        <translation>Standardhost</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The password could not be saved in the system keyring (%1).</source>
        <translation>Das Kennwort konnte nicht im Schlüsselbund des Systems gespeichert werden (%1).</translation>
    </message>
    <message>
        <source>The password could not be removed from the system keyring (%1).</source>
        <translation>Das Kennwort konnte nicht aus dem Schlüsselbund des Systems entfernt werden (%1).</translation>
    </message>
</context>
<context>
    <name>Staging</name>
    <message>
        <source>Copying to the drive</source>
        <extracomment>what a staged export's job does once Hyper-V's export to the staging disk is done</extracomment>
        <translation>Kopieren auf das Laufwerk</translation>
    </message>
    <message>
        <source>{vm}: staged export: Hyper-V writes the copy to {staging} first, then hvseed copies it to the drive, hashing as it copies (the drive is written once, never read back).</source>
        <translation>{vm}: Export mit Zwischenablage: Hyper-V schreibt die Kopie zuerst nach {staging}, dann kopiert hvseed sie auf das Laufwerk und berechnet dabei die Hashes (das Laufwerk wird einmal beschrieben und nie zurückgelesen).</translation>
    </message>
    <message>
        <source>{vm}: direct export to the drive, then a hash pass over it ({why}).</source>
        <translation>{vm}: Export direkt auf das Laufwerk, danach ein Hash-Durchlauf darüber ({why}).</translation>
    </message>
    <message>
        <source>{host} has no local disk with room for it</source>
        <extracomment>manifests a host-side staged copy wrote in this run, by the drive folder</extracomment>
        <translation>{host} hat keinen lokalen Datenträger mit genug Platz dafür</translation>
    </message>
    <message>
        <source>{host} copies {name} to the drive, hashing as it copies</source>
        <translation>{host} kopiert {name} auf das Laufwerk, mit Hashes beim Kopieren</translation>
    </message>
    <message>
        <source>The staged copy {staged} or the drive is no longer readable here.</source>
        <translation>Die zwischengelagerte Kopie {staged} oder das Laufwerk ist hier nicht mehr lesbar.</translation>
    </message>
    <message>
        <source>Copying {name} to the drive, hashing as it copies</source>
        <translation>{name} wird auf das Laufwerk kopiert, mit Hashes beim Kopieren</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>What do you want to do?</source>
        <translation>Was möchten Sie tun?</translation>
    </message>
    <message>
        <source>hvseed sends the initial copy of a replicated VM on an external drive instead of over the WAN.</source>
        <translation>hvseed überträgt die Erstkopie einer replizierten VM auf einem externen Laufwerk statt über das WAN.</translation>
    </message>
    <message>
        <source>&amp;Enable replication and export the initial copy (primary host)</source>
        <translation>Replikation aktivieren und Erstkopie &amp;exportieren (primärer Host)</translation>
    </message>
    <message>
        <source>Run this on Host A, where the VM runs. The USB drive must be connected to it.</source>
        <translation>Führen Sie dies auf Host A aus, auf dem die VM läuft. Das USB-Laufwerk muss dort angeschlossen sein.</translation>
    </message>
    <message>
        <source>&amp;Import an initial copy (replica host)</source>
        <translation>Erstkopie &amp;importieren (Replikathost)</translation>
    </message>
    <message>
        <source>Run this on Host B once the drive has arrived there.</source>
        <translation>Führen Sie dies auf Host B aus, sobald das Laufwerk dort angekommen ist.</translation>
    </message>
    <message>
        <source>&amp;Watch the running export of %1</source>
        <translation>Laufenden Export von %1 &amp;verfolgen</translation>
    </message>
    <message>
        <source>hvseed was closed while it exported %1 to %2 on %3. The export went on in Hyper-V; reconnect to follow it to the end.</source>
        <translation>hvseed wurde geschlossen, während es %1 nach %2 auf %3 exportierte. Der Export lief in Hyper-V weiter; verbinden Sie sich erneut, um ihn bis zum Ende zu verfolgen.</translation>
    </message>
    <message>
        <source>hvseed was closed while it imported %1 from %2 on %3. The import went on in Hyper-V; choose this to follow it to the end.</source>
        <translation>hvseed wurde geschlossen, während es %1 aus %2 auf %3 importierte. Der Import lief in Hyper-V weiter; wählen Sie diese Option, um ihn bis zum Ende zu verfolgen.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Before You Begin</source>
        <translation>Vorbemerkungen</translation>
    </message>
    <message>
        <source>Connect to Host A</source>
        <translation>Mit Host A verbinden</translation>
    </message>
    <message>
        <source>Choose VMs</source>
        <translation>Virtuelle Computer auswählen</translation>
    </message>
    <message>
        <source>Specify Replica Server</source>
        <translation>Replikatserver angeben</translation>
    </message>
    <message>
        <source>Specify Connection Parameters</source>
        <translation>Verbindungsparameter angeben</translation>
    </message>
    <message>
        <source>Choose Replication VHDs</source>
        <translation>Replikations-VHDs auswählen</translation>
    </message>
    <message>
        <source>Configure Replication Frequency</source>
        <translation>Replikationshäufigkeit konfigurieren</translation>
    </message>
    <message>
        <source>Configure Additional Recovery Points</source>
        <translation>Zusätzliche Wiederherstellungspunkte konfigurieren</translation>
    </message>
    <message>
        <source>Choose Initial Replication Method</source>
        <translation>Methode für die Erstreplikation auswählen</translation>
    </message>
    <message>
        <source>Choose the External Drive</source>
        <translation>Externes Laufwerk auswählen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Enable and Export</source>
        <translation>Aktivieren und exportieren</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Connect to Host B</source>
        <translation>Mit Host B verbinden</translation>
    </message>
    <message>
        <source>Choose the Replica VM</source>
        <translation>Replikat-VM auswählen</translation>
    </message>
    <message>
        <source>Find the Copy</source>
        <translation>Kopie suchen</translation>
    </message>
    <message>
        <source>Check the Copy</source>
        <translation>Kopie prüfen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Test Failover</source>
        <translation>Testfailover</translation>
    </message>
    <message>
        <source>Steps of the wizard</source>
        <translation>Schritte des Assistenten</translation>
    </message>
    <message>
        <source>current step</source>
        <translation>aktueller Schritt</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>%1 (BitLocker %2)</source>
        <translation>%1 (BitLocker %2)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Not encrypted: %1. The VMs' full disks would travel readable by anyone who finds the drive. Go back to the drive page and encrypt it with BitLocker To Go, or accept the risk knowingly.</source>
        <translation>Nicht verschlüsselt: %1. Die vollständigen Festplatten der VMs wären für jeden lesbar, der das Laufwerk findet. Kehren Sie zur Laufwerksseite zurück und verschlüsseln Sie es mit BitLocker To Go, oder nehmen Sie das Risiko bewusst in Kauf.</translation>
    </message>
    <message>
        <source>Kerberos (HTTP)</source>
        <translation>Kerberos (HTTP)</translation>
    </message>
    <message>
        <source>Certificate (HTTPS), thumbprint %1</source>
        <translation>Zertifikat (HTTPS), Fingerabdruck %1</translation>
    </message>
    <message>
        <source>Hourly, covering %1 h</source>
        <translation>Stündlich, für %1 h</translation>
    </message>
    <message>
        <source>; app-consistent (VSS) every %1 h</source>
        <translation>; anwendungskonsistent (VSS) alle %1 h</translation>
    </message>
    <message>
        <source>Only the latest recovery point</source>
        <translation>Nur der neueste Wiederherstellungspunkt</translation>
    </message>
    <message>
        <source>Export to external media</source>
        <translation>Export auf externe Medien</translation>
    </message>
    <message>
        <source>Send over the network</source>
        <translation>Über das Netzwerk senden</translation>
    </message>
    <message>
        <source>Use an existing VM on the Replica server</source>
        <translation>Vorhandene VM auf dem Replikatserver verwenden</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Virtueller Computer</translation>
    </message>
    <message>
        <source>Virtual machines (%1)</source>
        <translation>Virtuelle Computer (%1)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Primary server (Host A)</source>
        <translation>Primärserver (Host A)</translation>
    </message>
    <message>
        <source>Replica server</source>
        <translation>Replikatserver</translation>
    </message>
    <message>
        <source>Replica server port</source>
        <translation>Port des Replikatservers</translation>
    </message>
    <message>
        <source>Authentication type</source>
        <translation>Authentifizierungstyp</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Komprimierung</translation>
    </message>
    <message>
        <source>Excluded disks</source>
        <translation>Ausgeschlossene Festplatten</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Replication frequency</source>
        <translation>Replikationshäufigkeit</translation>
    </message>
    <message>
        <source>Recovery points</source>
        <translation>Wiederherstellungspunkte</translation>
    </message>
    <message>
        <source>Initial replication method</source>
        <translation>Methode für die Erstreplikation</translation>
    </message>
    <message>
        <source>Size of the initial copy</source>
        <translation>Größe der Erstkopie</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>Export folders</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>Drive encryption</source>
        <translation>Laufwerkverschlüsselung</translation>
    </message>
    <message>
        <source>BitLocker on</source>
        <translation>BitLocker aktiviert</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Immediately</source>
        <translation>Sofort</translation>
    </message>
    <message>
        <source>Completing the Enable Replication Wizard</source>
        <translation>Fertigstellen des Assistenten zum Aktivieren der Replikation</translation>
    </message>
    <message>
        <source>Check the settings. Enable replication makes Host B create the replica VM and starts the export; you cannot go back after that.</source>
        <translation>Prüfen Sie die Einstellungen. „Replikation aktivieren“ lässt Host B die Replikat-VM erstellen und startet den Export; danach können Sie nicht mehr zurück.</translation>
    </message>
    <message>
        <source>&amp;Enable replication</source>
        <translation>Replikation &amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Read the copy back from the drive once it is written (one more pass)</source>
        <translation>Die Kopie nach dem Schreiben vom Laufwerk zurück&amp;lesen (ein weiterer Durchlauf)</translation>
    </message>
    <message>
        <source>After the manifest is written, hvseed reads every file back from the drive and checks it against the manifest: proof that the drive kept every byte before it travels. It costs one more read of the whole copy (about 2 hours per TB on a USB 3 hard disk).</source>
        <translation>Nachdem das Manifest geschrieben ist, liest hvseed jede Datei vom Laufwerk zurück und prüft sie gegen das Manifest: der Beweis, dass das Laufwerk jedes Byte behalten hat, bevor es reist. Das kostet einen weiteren Lesedurchlauf der ganzen Kopie (etwa 2 Stunden pro TB auf einer USB-3-Festplatte).</translation>
    </message>
    <message>
        <source>Show &amp;PowerShell</source>
        <translation>&amp;PowerShell anzeigen</translation>
    </message>
    <message>
        <source>&amp;Save as .ps1…</source>
        <translation>Als .ps1 spei&amp;chern…</translation>
    </message>
    <message>
        <source>PowerShell script</source>
        <translation>PowerShell-Skript</translation>
    </message>
    <message>
        <source>How the copy reaches the drive:</source>
        <translation>So gelangt die Kopie auf das Laufwerk:</translation>
    </message>
    <message>
        <source>Checking how the copy reaches the drive…</source>
        <translation>Es wird geprüft, wie die Kopie auf das Laufwerk gelangt …</translation>
    </message>
    <message>
        <source>Show the se&amp;ttings</source>
        <translation>Einstellun&amp;gen anzeigen</translation>
    </message>
    <message>
        <source>Save the PowerShell script</source>
        <translation>PowerShell-Skript speichern</translation>
    </message>
    <message>
        <source>PowerShell scripts (*.ps1)</source>
        <translation>PowerShell-Skripts (*.ps1)</translation>
    </message>
    <message>
        <source>Could not save the script: %1</source>
        <translation>Das Skript konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Checking the plan on Host A before anything changes…</source>
        <translation>Der Plan wird auf Host A geprüft, bevor sich etwas ändert…</translation>
    </message>
</context>
<context>
    <name>TestFailoverPage</name>
    <message>
        <source>Test failover (recommended)</source>
        <translation>Testfailover (empfohlen)</translation>
    </message>
    <message>
        <source>A test failover starts a copy of the replica as a separate VM, without touching replication. You may skip it.</source>
        <translation>Ein Testfailover startet eine Kopie des Replikats als separate VM, ohne die Replikation zu beeinträchtigen. Sie können es überspringen.</translation>
    </message>
    <message>
        <source>&amp;Replica VM:</source>
        <translation>&amp;Replikat-VM:</translation>
    </message>
    <message>
        <source>Replica VM to test</source>
        <translation>Zu testende Replikat-VM</translation>
    </message>
    <message>
        <source>⚠ Before you start the test VM, connect its network adapter to an isolated network (or none): it has the same name and addresses as the production VM.</source>
        <translation>⚠ Verbinden Sie den Netzwerkadapter der Test-VM vor dem Start mit einem isolierten Netzwerk (oder mit keinem): Sie hat denselben Namen und dieselben Adressen wie die Produktions-VM.</translation>
    </message>
    <message>
        <source>&amp;Start test failover</source>
        <translation>Testfailover &amp;starten</translation>
    </message>
    <message>
        <source>S&amp;top test failover</source>
        <translation>Testfailover &amp;beenden</translation>
    </message>
    <message>
        <source>Test failover steps</source>
        <translation>Schritte des Testfailovers</translation>
    </message>
    <message>
        <source>Start test failover creates the VM '%1 - Test' on %2 from the latest recovery point. Start it, check that it boots and its data is there, then press Stop test failover: the test VM is removed and replication goes on.</source>
        <translation>„Testfailover starten“ erstellt auf %2 die VM „%1 - Test“ aus dem neuesten Wiederherstellungspunkt. Starten Sie sie, prüfen Sie, ob sie bootet und ihre Daten vorhanden sind, und klicken Sie dann auf „Testfailover beenden“: Die Test-VM wird entfernt, und die Replikation läuft weiter.</translation>
    </message>
    <message>
        <source>Starting the test failover…</source>
        <translation>Das Testfailover wird gestartet…</translation>
    </message>
    <message>
        <source>Test VM '%1' created.</source>
        <translation>Test-VM „%1“ erstellt.</translation>
    </message>
    <message>
        <source>'%1' was created. Connect it to an isolated network, start it and check it; then press Stop test failover.</source>
        <translation>„%1“ wurde erstellt. Verbinden Sie sie mit einem isolierten Netzwerk, starten und prüfen Sie sie; klicken Sie dann auf „Testfailover beenden“.</translation>
    </message>
    <message>
        <source>Stopping the test failover…</source>
        <translation>Das Testfailover wird beendet…</translation>
    </message>
    <message>
        <source>Test VM '%1' removed.</source>
        <translation>Test-VM „%1“ entfernt.</translation>
    </message>
    <message>
        <source>The test VM was removed; replication goes on as before.</source>
        <translation>Die Test-VM wurde entfernt; die Replikation läuft wie bisher weiter.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Leave the test VM running?</source>
        <translation>Test-VM weiterlaufen lassen?</translation>
    </message>
    <message>
        <source>'%1' still exists. Leave it for now (stop the test failover later in Hyper-V Manager)?</source>
        <translation>„%1“ ist noch vorhanden. Vorerst bestehen lassen (und das Testfailover später im Hyper-V-Manager beenden)?</translation>
    </message>
</context>
<context>
    <name>TransportPlanner</name>
    <message>
        <source>Network or courier?</source>
        <translation>Netzwerk oder Kurier?</translation>
    </message>
    <message>
        <source>WAN bandwidth in Mbit/s</source>
        <translation>WAN-Bandbreite in Mbit/s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Days the drive is in transit</source>
        <translation>Tage, die das Laufwerk unterwegs ist</translation>
    </message>
    <message>
        <source>not given (GB/day)</source>
        <translation>nicht angegeben (GB/Tag)</translation>
    </message>
    <message>
        <source>Daily change rate in GB per day (optional)</source>
        <translation>Tägliche Änderungsrate in GB pro Tag (optional)</translation>
    </message>
    <message>
        <source>&amp;WAN:</source>
        <translation>W&amp;AN:</translation>
    </message>
    <message>
        <source>Co&amp;urier:</source>
        <translation>&amp;Kurier:</translation>
    </message>
    <message>
        <source>C&amp;hanges:</source>
        <translation>Än&amp;derungen:</translation>
    </message>
    <message>
        <source>Over the network:</source>
        <translation>Über das Netzwerk:</translation>
    </message>
    <message>
        <source>By courier:</source>
        <translation>Per Kurier:</translation>
    </message>
    <message>
        <source>Resync risk not assessed: give the VM's daily change rate to check it.</source>
        <translation>Risiko einer erneuten Synchronisierung nicht bewertet: Geben Sie die tägliche Änderungsrate des virtuellen Computers an, um es zu prüfen.</translation>
    </message>
    <message>
        <source>Resync risk not assessed: the disk size is 0.</source>
        <translation>Risiko einer erneuten Synchronisierung nicht bewertet: Die Festplattengröße ist 0.</translation>
    </message>
    <message>
        <source>Critical: while the drive travels the VM changes about %1 of its disk size. If the changes cannot flow over the WAN meanwhile, Hyper-V forces a resynchronisation (change tracking over 50 % of the disk size). Ship faster, or make sure replication runs over the WAN during transit.</source>
        <translation>Kritisch: Während das Laufwerk unterwegs ist, ändert der virtuelle Computer etwa %1 seiner Festplattengröße. Können die Änderungen währenddessen nicht über das WAN fließen, erzwingt Hyper-V eine erneute Synchronisierung (Änderungsnachverfolgung über 50 % der Festplattengröße). Versenden Sie schneller, oder stellen Sie sicher, dass die Replikation während des Transports über das WAN läuft.</translation>
    </message>
    <message>
        <source>Warning: while the drive travels the VM changes about %1 of its disk size, close to the 50 % at which Hyper-V forces a resynchronisation if the changes cannot flow over the WAN. Keep replication running over the WAN during transit, and ship quickly.</source>
        <translation>Warnung: Während das Laufwerk unterwegs ist, ändert der virtuelle Computer etwa %1 seiner Festplattengröße, nahe an den 50 %, ab denen Hyper-V eine erneute Synchronisierung erzwingt, wenn die Änderungen nicht über das WAN fließen können. Lassen Sie die Replikation während des Transports über das WAN laufen, und versenden Sie rasch.</translation>
    </message>
    <message>
        <source>Resync risk low: while the drive travels the VM changes about %1 of its disk size; Hyper-V forces a resynchronisation only above 50 %.</source>
        <translation>Risiko einer erneuten Synchronisierung gering: Während das Laufwerk unterwegs ist, ändert der virtuelle Computer etwa %1 seiner Festplattengröße; Hyper-V erzwingt eine erneute Synchronisierung erst über 50 %.</translation>
    </message>
    <message>
        <source>The WAN cannot even carry the daily changes: replication will fall behind whichever way the copy travels.</source>
        <translation>Das WAN kann nicht einmal die täglichen Änderungen übertragen: Die Replikation fällt zurück, gleich auf welchem Weg die Kopie reist.</translation>
    </message>
    <message>
        <source>The network is faster by about %1.</source>
        <translation>Das Netzwerk ist um etwa %1 schneller.</translation>
    </message>
    <message>
        <source>The drive is faster by about %1.</source>
        <translation>Das Laufwerk ist um etwa %1 schneller.</translation>
    </message>
    <message>
        <source>Your choice, the drive, is the faster way: it saves about %1 and keeps the WAN free.</source>
        <translation>Ihre Wahl, das Laufwerk, ist der schnellere Weg: Es spart etwa %1 und hält das WAN frei.</translation>
    </message>
    <message>
        <source>Your choice, the network, is the faster way: the drive would take about %1 longer, export and import included.</source>
        <translation>Ihre Wahl, das Netzwerk, ist der schnellere Weg: Das Laufwerk bräuchte etwa %1 länger, Export und Import eingerechnet.</translation>
    </message>
    <message>
        <source>You chose the drive, but the network would be faster by about %1, export and import included. Choose Send initial copy over the network, or keep the drive if the WAN must stay free for other traffic.</source>
        <translation>Sie haben das Laufwerk gewählt, aber das Netzwerk wäre um etwa %1 schneller, Export und Import eingerechnet. Wählen Sie „Erstkopie über das Netzwerk senden“, oder bleiben Sie beim Laufwerk, wenn das WAN für anderen Verkehr frei bleiben muss.</translation>
    </message>
    <message>
        <source>You chose the network, but the drive would be faster by about %1 and keep the WAN free. Choose Send initial copy using external media to send it.</source>
        <translation>Sie haben das Netzwerk gewählt, aber das Laufwerk wäre um etwa %1 schneller und hielte das WAN frei. Wählen Sie „Erstkopie mithilfe externer Medien senden“, um es zu senden.</translation>
    </message>
    <message>
        <source>%1 at %2 Mbit/s (×%3 for protocol overhead)</source>
        <translation>%1 bei %2 Mbit/s (×%3 für Protokoll-Overhead)</translation>
    </message>
    <message>
        <source>%1 door to door: export to the drive %2 + transit %3 + import %4</source>
        <translation>%1 von Tür zu Tür: Export auf das Laufwerk %2 + Transport %3 + Import %4</translation>
    </message>
</context>
<context>
    <name>VhdsPage</name>
    <message>
        <source>Choose Replication VHDs</source>
        <translation>Replikations-VHDs auswählen</translation>
    </message>
    <message>
        <source>Clear a disk to leave it out (for example a disk that holds only the page file). Left-out disks are not replicated and not exported.</source>
        <translation>Deaktivieren Sie eine Festplatte, um sie auszuschließen (zum Beispiel eine Festplatte, die nur die Auslagerungsdatei enthält). Ausgeschlossene Festplatten werden weder repliziert noch exportiert.</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Maximum size</source>
        <translation>Maximale Größe</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Virtual hard disks per virtual machine</source>
        <translation>Virtuelle Festplatten je virtuellem Computer</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s)</source>
        <translation>
            <numerusform>%n Festplatte</numerusform>
            <numerusform>%n Festplatten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes %n parent disk(s)</source>
        <translation>
            <numerusform>Enthält %n übergeordnete Festplatte</numerusform>
            <numerusform>Enthält %n übergeordnete Festplatten</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one disk of %1 to replicate.</source>
        <translation>Wählen Sie mindestens eine Festplatte von %1 für die Replikation aus.</translation>
    </message>
    <message>
        <source>Choose at least one disk to replicate.</source>
        <translation>Wählen Sie mindestens eine Festplatte für die Replikation aus.</translation>
    </message>
    <message>
        <source>%1 looks like the operating-system disk (%2). Without it the replica cannot start after a failover.</source>
        <translation>%1 scheint die Betriebssystemfestplatte zu sein (%2). Ohne sie kann das Replikat nach einem Failover nicht starten.</translation>
    </message>
    <message>
        <source>first disk</source>
        <translation>erste Festplatte</translation>
    </message>
    <message>
        <source>%1 looks like a database log or tempdb disk (by its name). A database's log belongs with its data: without it the replica's database does not start consistently after a failover.</source>
        <translation>%1 sieht nach einer Festplatte für Datenbankprotokolle oder tempdb aus (nach dem Namen). Das Protokoll einer Datenbank gehört zu ihren Daten: Ohne es startet die Datenbank des Replikats nach einem Failover nicht konsistent.</translation>
    </message>
    <message>
        <source>%1 looks like a page-file or swap disk (by its name). Leaving it out saves copying, but after a failover the replica lacks that disk: attach an empty disk there, or the guest runs without it.</source>
        <translation>%1 sieht nach einer Festplatte für die Auslagerungsdatei oder Swap aus (nach dem Namen). Sie wegzulassen spart Kopieraufwand, aber nach einem Failover fehlt dem Replikat diese Festplatte: Schließen Sie dort eine leere Festplatte an, sonst läuft das Gastbetriebssystem ohne sie.</translation>
    </message>
    <message>
        <source>Initial copy: %1.</source>
        <translation>Erstkopie: %1.</translation>
    </message>
    <message>
        <source>Initial copies of %1 VMs: %2.</source>
        <translation>Erstkopien von %1 VMs: %2.</translation>
    </message>
</context>
<context>
    <name>VmPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Disk size</source>
        <translation>Festplattengröße</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Can be enabled</source>
        <translation>Aktivierbar</translation>
    </message>
    <message>
        <source>Choose the virtual machines</source>
        <translation>Virtuelle Computer auswählen</translation>
    </message>
    <message>
        <source>Tick one or more VMs: they get the same replication settings.</source>
        <translation>Aktivieren Sie eine oder mehrere VMs: Sie erhalten dieselben Replikationseinstellungen.</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation>Virtuelle Computer</translation>
    </message>
    <message>
        <source>Filter by name or ID</source>
        <translation>Nach Name oder ID filtern</translation>
    </message>
    <message>
        <source>Filter the virtual machines</source>
        <translation>Virtuelle Computer filtern</translation>
    </message>
    <message>
        <source>Virtual machines on %1. Tick one or more: they get the same replication settings.</source>
        <translation>Virtuelle Computer auf %1. Aktivieren Sie eine oder mehrere: Sie erhalten dieselben Replikationseinstellungen.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s)</source>
        <translation>
            <numerusform>%n Festplatte</numerusform>
            <numerusform>%n Festplatten</numerusform>
        </translation>
    </message>
    <message>
        <source>The size is read when you continue with this VM ticked.</source>
        <translation>Die Größe wird gelesen, wenn Sie mit diesem ausgewählten virtuellen Computer fortfahren.</translation>
    </message>
    <message>
        <source>This VM is itself a replica; replication is enabled on its primary.</source>
        <translation>Dieser virtuelle Computer ist selbst ein Replikat; die Replikation ist auf seinem primären Server aktiviert.</translation>
    </message>
    <message>
        <source>Replication is already enabled (%1); remove it first if you want to start over.</source>
        <translation>Die Replikation ist bereits aktiviert (%1); entfernen Sie sie zuerst, wenn Sie neu beginnen möchten.</translation>
    </message>
    <message>
        <source>This VM has no virtual hard disk to replicate.</source>
        <translation>Dieser virtuelle Computer hat keine virtuelle Festplatte, die repliziert werden kann.</translation>
    </message>
    <message>
        <source>Tick at least one virtual machine.</source>
        <translation>Aktivieren Sie mindestens einen virtuellen Computer.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n disk(s); their size is read when you continue.</source>
        <translation>
            <numerusform>%1: %n Festplatte; ihre Größe wird gelesen, wenn Sie fortfahren.</numerusform>
            <numerusform>%1: %n Festplatten; ihre Größe wird gelesen, wenn Sie fortfahren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n disk(s), initial copy %3.</source>
        <translation>
            <numerusform>%1: %n Festplatte, Erstkopie %3.</numerusform>
            <numerusform>%1: %n Festplatten, Erstkopie %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 VMs (%2); their sizes are read when you continue.</source>
        <translation>%1 virtuelle Computer (%2); ihre Größen werden gelesen, wenn Sie fortfahren.</translation>
    </message>
    <message>
        <source>%1 VMs (%2), initial copies %3 in all.</source>
        <translation>%1 VMs (%2), Erstkopien insgesamt %3.</translation>
    </message>
    <message>
        <source>Reading the disks of the chosen VMs…</source>
        <translation>Die Festplatten der ausgewählten virtuellen Computer werden gelesen…</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Hyper-V: «%1»</source>
        <translation>Hyper-V: «%1»</translation>
    </message>
</context>
<context>
    <name>Xml</name>
    <message>
        <source>The XML file</source>
        <translation>Die XML-Datei</translation>
    </message>
    <message>
        <source>{label} is empty.</source>
        <translation>{label} ist leer.</translation>
    </message>
    <message>
        <source>{label} is larger than {limit}; it is not a VM configuration and was not read.</source>
        <translation>{label} ist größer als {limit}; das ist keine VM-Konfiguration und wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>declares entities or refers to outside files</source>
        <translation>deklariert Entitäten oder verweist auf Dateien außerhalb</translation>
    </message>
    <message>
        <source>declares a document type (DTD)</source>
        <translation>deklariert einen Dokumenttyp (DTD)</translation>
    </message>
    <message>
        <source>{label} {what}, which a Hyper-V configuration never does (it may be an XML bomb or an attempt to read other files); it was not read.</source>
        <translation>{label} {what}, was eine Hyper-V-Konfiguration nie tut (es kann eine XML-Bombe oder ein Versuch sein, andere Dateien zu lesen); sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>{label} is not well-formed XML ({exc}).</source>
        <translation>{label} ist kein wohlgeformtes XML ({exc}).</translation>
    </message>
    <message>
        <source>element {path}</source>
        <translation>Element {path}</translation>
    </message>
    <message>
        <source>attribute {name} on {path}</source>
        <translation>Attribut {name} an {path}</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>Dateiname</translation>
    </message>
</context>
</TS>