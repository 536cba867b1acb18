# Windows: a CPU-only llama.cpp (AVX2), e.g. when a GPU driver misbehaves.
param(
    [string]$Python = "python",
    [string]$Version = ""
)
$ErrorActionPreference = "Stop"
if (-not $Version) {
    $Version = & $Python -c "import importlib.metadata as m; print(m.version('llama-cpp-python'))" 2>$null
    if (-not $Version) { $Version = "0.3.36" }
}
$env:CMAKE_ARGS = "-DGGML_NATIVE=off -DGGML_VULKAN=off"
& $Python -m pip install --no-cache-dir --force-reinstall --no-deps "llama-cpp-python==$Version"
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Write-Host "Done. Check with: composer --hardware-report"
