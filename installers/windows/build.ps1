# Windows x64 installer recipe (not run here: no Windows machine; the hosted CI
# workflow .github/workflows/installers.yml runs these steps on windows-latest).
#
# Needs: Python 3.11 x64, Visual Studio 2022 Build Tools ("Desktop development
# with C++"), CMake, the Vulkan SDK (VULKAN_SDK set), Inno Setup 6 (iscc on PATH).
# Run from the repository root:  powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
#
# llama.cpp is built with Vulkan (NVIDIA, AMD, Intel GPUs); its CPU backend is in
# the same build, and the app falls back to it when no GPU can load the model.
# PyInstaller bundles the Vulkan loader (vulkan-1.dll, redistributable) found on
# PATH through the SDK, so a PC without a Vulkan driver still starts and runs on
# the CPU (no Vulkan device found). That fallback is the first thing to check on
# a real Windows machine without a GPU driver: `composer --hardware-report`.
param([string]$Python = "python")
$ErrorActionPreference = "Stop"

if (-not $env:VULKAN_SDK) { Write-Error "VULKAN_SDK is not set: install the Vulkan SDK (vulkan.lunarg.com)." }
& $Python -m venv .venv-bundle
$py = ".venv-bundle\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
$env:CMAKE_ARGS = "-DGGML_VULKAN=on -DGGML_NATIVE=off -DGGML_AVX2=on -DGGML_FMA=on -DGGML_F16C=on"
# --no-cache-dir: pip's wheel cache ignores CMAKE_ARGS (see installers/install.sh).
& $py -m pip install -q --no-cache-dir --no-deps "llama-cpp-python==0.3.36"
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& $py -m pip install -q ".[bundle]"
# Spelling: pyenchant's Windows wheel carries Enchant, its Hunspell provider and
# dictionaries (the last such wheel is 3.2.2; 3.3 is pure Python and would need
# Enchant installed). PyInstaller's hook for enchant collects its DLLs and data.
& $py -m pip install -q --only-binary=:all: "pyenchant==3.2.2"
& $py -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installers\composer.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
if (-not (Get-ChildItem -Recurse dist\composer -Filter vulkan-1.dll)) {
    Write-Warning "vulkan-1.dll is not in the bundle: PCs without a Vulkan driver will not start the engine"
}
$version = & $py -c "import composer; print(composer.__version__)"
# The bundle's own checks (composer.exe is a windowed program: run it and wait).
$model = $env:COMPOSER_SMOKE_MODEL
if ($model) {
    $p = Start-Process -Wait -PassThru -NoNewWindow dist\composer\composer.exe -ArgumentList "--self-test", "`"$model`""
    if ($p.ExitCode -ne 0) { Write-Error "self-test failed ($($p.ExitCode))" }
}
iscc "/DAppVersion=$version" installers\windows\composer.iss
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Get-ChildItem dist\*.exe | ForEach-Object { "{0}  {1:N0} MB" -f $_.Name, ($_.Length / 1MB) }
