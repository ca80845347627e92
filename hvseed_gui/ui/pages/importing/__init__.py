"""The pages of the import side: the replica host, the copy on the drive, the gate, the import."""
