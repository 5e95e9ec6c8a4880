// Placeholder: the benchmark command lands with the bench work.
print("noticeindex-bench: not yet implemented")
