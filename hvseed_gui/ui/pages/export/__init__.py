"""The pages of the Enable Replication side: Host A, the VMs, the settings, the drive, the run."""
