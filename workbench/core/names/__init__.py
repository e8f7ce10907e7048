"""The name machinery: keys, forms, the index, finding, guarding, suggesting, clustering.

Latin keys and Arabic-script forms, the glossary's name index, names in running text,
names guarded through MT, new entries suggested, spellings clustered and checked.
"""
