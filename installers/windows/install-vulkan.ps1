# Windows: rebuild llama.cpp with Vulkan (NVIDIA, AMD and Intel GPUs).
# Needs: the Vulkan SDK from LunarG (sets VULKAN_SDK; brings glslc and SPIRV-Headers),
#        Visual Studio 2022 Build Tools with "Desktop development with C++", CMake.
# Run from the Composer environment:  powershell -ExecutionPolicy Bypass -File install-vulkan.ps1
param(
    [string]$Python = "python",
    [string]$Version = ""
)
$ErrorActionPreference = "Stop"

if (-not $env:VULKAN_SDK) {
    Write-Error "VULKAN_SDK is not set: install the Vulkan SDK (vulkan.lunarg.com), then open a new terminal."
}
if (-not $Version) {
    $Version = & $Python -c "import importlib.metadata as m; print(m.version('llama-cpp-python'))" 2>$null
    if (-not $Version) { $Version = "0.3.36" }
}
Write-Host "Building llama-cpp-python $Version with Vulkan (10 to 30 minutes)"
$env:CMAKE_ARGS = "-DGGML_VULKAN=on -DGGML_NATIVE=off"
# --no-cache-dir: pip's wheel cache ignores CMAKE_ARGS and would hand back the old build.
& $Python -m pip install --no-cache-dir --force-reinstall --no-deps "llama-cpp-python==$Version"
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& $Python -c "import llama_cpp; print('GPU offload:', llama_cpp.llama_supports_gpu_offload())"
Write-Host "Done. Check with: composer --hardware-report"
