"""The journal on disk: paths, ids and slugs, TOML files, atomic writes, the lock."""
