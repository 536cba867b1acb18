; Inno Setup script: the Windows x64 installer around the PyInstaller bundle.
; A recipe, not built or tested here (no Windows machine): the hosted CI
; workflow .github/workflows/installers.yml runs it; see installers/windows/build.ps1.
;
;   iscc /DAppVersion=0.1.0 installers\windows\composer.iss
;
; Input: dist\composer\ (composer.exe + _internal\, from installers\composer.spec built
; with the Vulkan llama.cpp; CPU fallback inside). Output:
; dist\composer-private-mail-<version>-windows-x64-setup.exe. Installs per user by
; default (no administrator rights), or for all users if the user picks it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0C9E63-3F4C-4E7B-9E51-2C1D5A7F0B11}
AppName=Composer
AppVersion={#AppVersion}
AppPublisher=Composer maintainers
AppComments=Private email composer with a local writing assistant
DefaultDirName={autopf}\Composer
DefaultGroupName=Composer
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=composer-private-mail-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\composer.exe
UninstallDisplayName=Composer
LicenseFile=..\..\LICENSE
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\composer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Composer"; Filename: "{app}\composer.exe"
Name: "{autodesktop}\Composer"; Filename: "{app}\composer.exe"; Tasks: desktopicon

[Registry]
; Composer as a mail link (mailto:) and .eml handler the user can choose in
; Settings > Apps > Default apps; nothing is made the default behind their back.
Root: HKA; Subkey: "Software\Classes\Composer.mailto"; ValueType: string; ValueData: "URL:MailTo Protocol"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Composer.mailto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Composer.mailto\shell\open\command"; ValueType: string; ValueData: """{app}\composer.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Composer.eml"; ValueType: string; ValueData: "Email message"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Composer.eml\shell\open\command"; ValueType: string; ValueData: """{app}\composer.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.eml\OpenWithProgids"; ValueType: string; ValueName: "Composer.eml"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Composer\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "Composer"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Composer\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Private email composer with a local writing assistant"
Root: HKA; Subkey: "Software\Composer\Capabilities\URLAssociations"; ValueType: string; ValueName: "mailto"; ValueData: "Composer.mailto"
Root: HKA; Subkey: "Software\Composer\Capabilities\FileAssociations"; ValueType: string; ValueName: ".eml"; ValueData: "Composer.eml"
Root: HKA; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "Composer"; ValueData: "Software\Composer\Capabilities"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\composer.exe"; Description: "{cm:LaunchProgram,Composer}"; Flags: nowait postinstall skipifsilent
