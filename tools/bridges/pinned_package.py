"""Finds an installed, pinned PyPI package's folders without importing it (the bridges read
its data files directly, so the package's own dependencies need not be installed)."""
import importlib.metadata
import importlib.util


def locate(package, module, pinned_version, fail):
    """The package's folders and version; calls `fail(message)` if it is missing or not pinned."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        fail(f"Python package '{package}' (module {module}) is not installed; "
             f"run: pip install --no-deps {package}=={pinned_version}")
    try:
        version = importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        version = None
    if version != pinned_version:
        fail(f"installed {package} version is {version}, expected {pinned_version}; "
             f"run: pip install --no-deps {package}=={pinned_version}")
    return list(spec.submodule_search_locations), version
