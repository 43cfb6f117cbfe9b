# import: reading a document case by case
import-bad-json = not valid JSON: { $error }
import-changed = { $file } changed while it was being read; nothing was imported
import-changed-midway = { $file } changed while it was being imported, and the import stopped: { $error }
