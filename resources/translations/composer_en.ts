<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppServices</name>
    <message numerus="yes">
        <location filename="../../composer/gui/app_services.py" line="+101"/>
        <source>%n saved drafts</source>
        <translation>
            <numerusform>%n saved draft</numerusform>
            <numerusform>%n saved drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n models (%1 MB)</source>
        <translation>
            <numerusform>%n model (%1 MB)</numerusform>
            <numerusform>%n models (%1 MB)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stored secrets</source>
        <translation>
            <numerusform>%n stored secret</numerusform>
            <numerusform>%n stored secrets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssistantController</name>
    <message numerus="yes">
        <location filename="../../composer/gui/assistant_controller.py" line="+665"/>
        <source>%n tokens at %1 tokens/s</source>
        <translation>
            <numerusform>%n token at %1 tokens/s</numerusform>
            <numerusform>%n tokens at %1 tokens/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HardwarePage</name>
    <message numerus="yes">
        <location filename="../../composer/gui/dialogs/hardware_page.py" line="+157"/>
        <source>%n cores, %1 threads</source>
        <translation>
            <numerusform>%n core, %1 threads</numerusform>
            <numerusform>%n cores, %1 threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n logical CPUs</source>
        <translation>
            <numerusform>%n logical CPU</numerusform>
            <numerusform>%n logical CPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message numerus="yes">
        <location filename="../../composer/gui/widgets/review_view.py" line="+532"/>
        <source>%n changes, %1 ticked.</source>
        <translation>
            <numerusform>%n change, %1 ticked.</numerusform>
            <numerusform>%n changes, %1 ticked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Writing… %n changes so far</source>
        <translation>
            <numerusform>Writing… %n change so far</numerusform>
            <numerusform>Writing… %n changes so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 of %n changes ticked</source>
        <translation>
            <numerusform>%1 of %n change ticked</numerusform>
            <numerusform>%1 of %n changes ticked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Accept all keeps your facts: %n changed names, numbers, dates or links stay as you wrote them unless you tick them.</source>
        <translation>
            <numerusform>Accept all keeps your facts: %n changed name, number, date or link stays as you wrote it unless you tick it.</numerusform>
            <numerusform>Accept all keeps your facts: %n changed names, numbers, dates or links stay as you wrote them unless you tick them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentDialog</name>
    <message numerus="yes">
        <location filename="../../composer/gui/dialogs/sent_dialog.py" line="+111"/>
        <source>The newest %n messages; older copies stay in the Sent folder.</source>
        <translation>
            <numerusform>The newest message; older copies stay in the Sent folder.</numerusform>
            <numerusform>The newest %n messages; older copies stay in the Sent folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServersPage</name>
    <message numerus="yes">
        <location filename="../../composer/gui/dialogs/servers_page.py" line="+370"/>
        <source>The server offers %n models.</source>
        <translation>
            <numerusform>The server offers %n model.</numerusform>
            <numerusform>The server offers %n models.</numerusform>
        </translation>
    </message>
</context>
</TS>
