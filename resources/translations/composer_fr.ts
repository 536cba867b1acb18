<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/about.py" line="+46"/>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;A private email composer. The writing assistant runs on this computer; your mail never leaves it unless you send it or choose a server of your own.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Un outil privé de rédaction d’e-mails. L’assistant d’écriture fonctionne sur cet ordinateur&#xa0;; votre courrier ne le quitte jamais, sauf si vous l’envoyez ou choisissez votre propre serveur.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version details</source>
        <translation>Détails des versions</translation>
    </message>
</context>
<context>
    <name>AssistantController</name>
    <message>
        <location filename="../../composer/gui/assistant_controller.py" line="+198"/>
        <source>Stopped: the model is being changed.</source>
        <translation>Arrêté&#xa0;: le modèle est en cours de changement.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Starter model (Gemma 3 270M)</source>
        <translation>Modèle de démarrage (Gemma 3 270M)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Ready: %1 on %2</source>
        <translation>Prêt&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model: %1</source>
        <translation>Modèle&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(it has no chat template; a generic one is used)</source>
        <translation>(il n’a pas de modèle de conversation&#xa0;; un modèle générique est utilisé)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 Still using %2.</source>
        <translation>%1 %2 reste utilisé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No model: you can still write by hand</source>
        <translation>Aucun modèle&#xa0;: vous pouvez toujours écrire vous-même</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load a model and wait for the assistant to finish first.</source>
        <translation>Chargez d’abord un modèle et attendez que l’assistant ait terminé.</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Not inserted: the text changed after you asked.</source>
        <translation>Rien n’a été inséré&#xa0;: le texte a changé depuis votre demande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inserted. Edit &gt; Undo takes it out again.</source>
        <translation>Inséré. Édition &gt; Annuler le retire.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not applied: the text changed after you asked.</source>
        <translation>Non appliqué&#xa0;: le texte a changé depuis votre demande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted. Edit &gt; Undo brings the previous text back.</source>
        <translation>Accepté. Édition &gt; Annuler rétablit le texte précédent.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discarded.</source>
        <translation>Suggestion rejetée.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Writing: %1 tokens/s</source>
        <translation>Rédaction&#xa0;: %1&#xa0;jetons/s</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stopped: the model kept repeating “%1”.</source>
        <translation>Arrêté&#xa0;: le modèle répétait sans cesse «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 tokens at %2 tokens/s</source>
        <translation>Jetons&#xa0;: %1, à %2&#xa0;jetons/s</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Done. </source>
        <translation>Terminé. </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
</context>
<context>
    <name>AssistantPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="+91"/>
        <source>On: a model on this &amp;computer</source>
        <translation>Activé&#xa0;: un modèle sur cet &amp;ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assistant on</source>
        <translation>Assistant activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;ff: just write, no model in memory</source>
        <translation>&amp;Désactivé&#xa0;: écrire simplement, aucun modèle en mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assistant off</source>
        <translation>Assistant désactivé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose &amp;file…</source>
        <translation>Choisir un &amp;fichier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a model file</source>
        <translation>Choisir un fichier de modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Models…</source>
        <translation>Modèle&amp;s…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Models window</source>
        <translation>Ouvrir la fenêtre Modèles</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Longest answer, in tokens</source>
        <translation>Longueur maximale des réponses, en jetons</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> tokens</source>
        <translation>&#xa0;jetons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default language of answers</source>
        <translation>Langue par défaut des réponses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as the text</source>
        <translation>Celle du texte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mo&amp;del:</source>
        <translation>Modè&amp;le&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Longest &amp;answer:</source>
        <translation>&amp;Réponse la plus longue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer lan&amp;guage:</source>
        <translation>Langue des ré&amp;ponses&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AssistantPanel</name>
    <message>
        <location filename="../../composer/gui/widgets/assistant_panel.py" line="+66"/>
        <source>&lt;b&gt;Writing assistant&lt;/b&gt;</source>
        <translation>&lt;b&gt;Assistant d’écriture&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;What should the email say? (or how to change it)</source>
        <translation>&amp;Que doit dire l’e-mail&#xa0;? (ou comment le modifier)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prompt</source>
        <translation>Consigne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the assistant should write, or how to change the text; Enter drafts</source>
        <translation>Ce que l’assistant doit écrire, ou comment modifier le texte&#xa0;; Entrée lance la rédaction</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. thank Anna for Friday, propose Tuesday instead</source>
        <translation>p.&#xa0;ex. remercier Anna pour vendredi, proposer plutôt mardi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Draft</source>
        <translation>&amp;Rédiger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Rédiger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a new email from the prompt (Enter, when the message is empty)</source>
        <translation>Rédiger un nouvel e-mail d’après la consigne (Entrée, quand le message est vide)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;pply</source>
        <translation>App&amp;liquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply instruction</source>
        <translation>Appliquer la consigne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the selection, or the whole email, as the prompt says (Enter, when the message has text)</source>
        <translation>Modifier la sélection, ou tout l’e-mail, selon la consigne (Entrée, quand le message contient du texte)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repl&amp;y</source>
        <translation>Répo&amp;ndre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P&amp;roofread</source>
        <translation>Corri&amp;ger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proofread</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sh&amp;orten</source>
        <translation>Plus &amp;bref</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shorten</source>
        <translation>Plus bref</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selection, or the whole email, shorter</source>
        <translation>Raccourcir la sélection, ou tout l’e-mail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expand</source>
        <translation>Développer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selection, or the whole email, longer</source>
        <translation>Allonger la sélection, ou tout l’e-mail</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;More formal</source>
        <translation>Plus for&amp;mel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More formal</source>
        <translation>Plus formel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the tone more formal</source>
        <translation>Rendre le ton plus formel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Frie&amp;ndlier</source>
        <translation>Plus chaleureu&amp;x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friendlier</source>
        <translation>Plus chaleureux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the tone friendlier</source>
        <translation>Rendre le ton plus chaleureux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lang&amp;uage of the answer:</source>
        <translation>Langu&amp;e de la réponse&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output language</source>
        <translation>Langue de la réponse</translation>
    </message>
    <message>
        <location line="+229"/>
        <source>Suggestion ready. %1</source>
        <translation>Suggestion prête. %1</translation>
    </message>
    <message>
        <location line="-275"/>
        <source>Stop writing (Esc)</source>
        <translation>Arrêter la rédaction (Échap)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answer the quoted message</source>
        <translation>Répondre au message cité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix spelling, grammar and punctuation, with explanations</source>
        <translation>Corriger l’orthographe, la grammaire et la ponctuation, avec des explications</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>E&amp;xpand</source>
        <translation>Dé&amp;velopper</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Same as the text</source>
        <translation>Celle du texte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assistant status</source>
        <translation>État de l’assistant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading progress</source>
        <translation>Progression de la lecture</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Type what the assistant should do in the prompt first.</source>
        <translation>Écrivez d’abord dans la consigne ce que l’assistant doit faire.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reading your email…</source>
        <translation>Lecture de votre e-mail…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading your email… %1%</source>
        <translation>Lecture de votre e-mail… %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing slowly (%1 tokens/s). A smaller model (File &gt; Models) or a GPU (Edit &gt; Settings &gt; Hardware) would make this faster.</source>
        <translation>Rédaction lente (%1&#xa0;jetons/s). Un modèle plus petit (Fichier &gt; Modèles) ou un GPU (Édition &gt; Paramètres &gt; Matériel) l’accélérerait.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writing… %1 tokens/s</source>
        <translation>Rédaction… %1&#xa0;jetons/s</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <location filename="../../composer/gui/compose_window.py" line="+65"/>
        <source>New message — %1</source>
        <translation>Nouveau message — %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Where your text goes</source>
        <translation>Où va votre texte</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Assistant off</source>
        <translation>Assistant désactivé</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose how the assistant should work</source>
        <translation>Choisir comment l’assistant doit fonctionner</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Downloading %1 — it will be used as soon as it is here.</source>
        <translation>Téléchargement de %1 — il sera utilisé dès son arrivée.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Downloading the model: %1% (File &gt; Models pauses it)</source>
        <translation>Téléchargement du modèle&#xa0;: %1&#xa0;% (Fichier &gt; Modèles permet de le mettre en pause)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No model: you can still write by hand</source>
        <translation>Aucun modèle&#xa0;: vous pouvez toujours écrire vous-même</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On this computer · %1</source>
        <translation>Sur cet ordinateur · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you ask the assistant is read by a model running on this computer.</source>
        <translation>Ce que vous demandez à l’assistant est lu par un modèle qui fonctionne sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;To:</source>
        <translation>&amp;Pour&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name@example.com, …</source>
        <translation>nom@exemple.fr, …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bcc:</source>
        <translation>Cc&amp;i&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bcc</source>
        <translation>Cci</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message body</source>
        <translation>Corps du message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tab moves to the next field; Ctrl+Tab types a tab character</source>
        <translation>Tab passe au champ suivant&#xa0;; Ctrl+Tab insère une tabulation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write your message here, or ask the assistant for a draft.</source>
        <translation>Écrivez votre message ici, ou demandez un brouillon à l’assistant.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Restored the message you were writing.</source>
        <translation>Le message que vous écriviez a été restauré.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved message damaged</source>
        <translation>Message enregistré endommagé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The message you were writing could not be read back (the file is damaged). Nothing was deleted: it is kept as %1.</source>
        <translation>Le message que vous écriviez n’a pas pu être relu (le fichier est endommagé). Rien n’a été supprimé&#xa0;: il est conservé sous %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put its readable text into this message?</source>
        <translation>Reprendre son texte lisible dans ce message&#xa0;?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save the draft: %1</source>
        <translation>Impossible d’enregistrer le brouillon&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Discard this message?</source>
        <translation>Abandonner ce message&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message and its saved draft will be deleted.</source>
        <translation>Le message et son brouillon enregistré seront supprimés.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Models…</source>
        <translation>&amp;Modèles…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the &amp;assistant</source>
        <translation>Demander à l’&amp;assistant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Draft from the prompt</source>
        <translation>&amp;Rédiger d’après la consigne</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply the prompt&apos;s &amp;instruction</source>
        <translation>Appliquer l’&amp;instruction de la consigne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reply to the quoted message</source>
        <translation>Répondre au message &amp;cité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Proofread</source>
        <translation>Corri&amp;ger</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;horten</source>
        <translation>Plus &amp;bref</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E&amp;xpand</source>
        <translation>Dé&amp;velopper</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More &amp;formal</source>
        <translation>Plus for&amp;mel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Stop writing</source>
        <translation>Arrê&amp;ter la rédaction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;ccept all changes</source>
        <translation>Accepter to&amp;utes les modifications</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept the &amp;ticked changes</source>
        <translation>Accepter les modifications coc&amp;hées</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insert the suggestion at the cursor</source>
        <translation>Insérer la suggestion au curseur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Re&amp;generate</source>
        <translation>Régé&amp;nérer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pre&amp;vious version</source>
        <translation>Version &amp;précédente</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the answer&apos;s &amp;language</source>
        <translation>Choisir la &amp;langue de la réponse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About %1</source>
        <translation>À &amp;propos de %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Assistant</source>
        <translation>A&amp;ssistant</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Keep or reject a change</source>
        <translation>Garder ou rejeter une modification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Space in the list of changes</source>
        <translation>Espace dans la liste des modifications</translation>
    </message>
    <message>
        <location line="-575"/>
        <location line="+773"/>
        <source>Open a model file</source>
        <translation>Ouvrir un fichier de modèle</translation>
    </message>
    <message>
        <location line="-771"/>
        <location line="+773"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>&amp;Open model file…</source>
        <translation>&amp;Ouvrir un fichier de modèle…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Discard message…</source>
        <translation>&amp;Abandonner le message…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Friendli&amp;er</source>
        <translation>Plus chaleureu&amp;x</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Discard s&amp;uggestion</source>
        <translation>Re&amp;jeter la suggestion</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Next version</source>
        <translation>Version &amp;suivante</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go t&amp;o the list of changes</source>
        <translation>Aller à la liste des modi&amp;fications</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+128"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="-119"/>
        <location line="+120"/>
        <source>Edit</source>
        <translation>Édition</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+102"/>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Enter in the prompt field, when the message is empty</source>
        <translation>Entrée dans le champ de consigne, quand le message est vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter in the prompt field, when the message has text</source>
        <translation>Entrée dans le champ de consigne, quand le message contient du texte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close a dialog</source>
        <translation>Fermer une boîte de dialogue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to the next field</source>
        <translation>Passer au champ suivant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to the previous field</source>
        <translation>Revenir au champ précédent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+Tab</source>
        <translation>Maj+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a tab character in the message</source>
        <translation>Insérer une tabulation dans le message</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Starter model (Gemma 3 270M)</source>
        <translation>Modèle de démarrage (Gemma 3 270M)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 saved drafts</source>
        <translation>%1 brouillon(s) enregistré(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 models (%2 MB)</source>
        <translation>%1 modèle(s) (%2&#xa0;Mo)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 stored secrets</source>
        <translation>%1 secret(s) stocké(s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your settings</source>
        <translation>vos paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed: %1.</source>
        <translation>Éléments supprimés&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not remove: %1</source>
        <translation>Impossible de supprimer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="-85"/>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s language</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour scheme</source>
        <translation>Jeu de couleurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colo&amp;urs:</source>
        <translation>Co&amp;uleurs&#xa0;:</translation>
    </message>
</context>
<context>
    <name>HardwarePage</name>
    <message>
        <location filename="../../composer/gui/dialogs/hardware_page.py" line="+44"/>
        <source>Detecting hardware…</source>
        <translation>Détection du matériel…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Detected devices</source>
        <translation>Périphériques détectés</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+52"/>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Backend</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory free / total</source>
        <translation>Mémoire libre / totale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half precision</source>
        <translation>Demi-précision</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Detect again</source>
        <translation>&amp;Détecter à nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detect hardware again</source>
        <translation>Détecter à nouveau le matériel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detected</source>
        <translation>Détecté</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+118"/>
        <source>No model loaded.</source>
        <translation>Aucun modèle chargé.</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>&amp;Measure speed</source>
        <translation>Mes&amp;urer la vitesse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure speed</source>
        <translation>Mesurer la vitesse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads and writes a built-in sample text with the loaded model</source>
        <translation>Lit et écrit un texte d’exemple intégré avec le modèle chargé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>GPU layers</source>
        <translation>Couches sur le GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many of the model&apos;s layers run on the GPU; 0 = CPU only</source>
        <translation>Nombre de couches du modèle exécutées sur le GPU&#xa0;; 0 = processeur seul</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run the model on:</source>
        <translation>E&amp;xécuter le modèle sur&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU &amp;layers:</source>
        <translation>Couc&amp;hes sur le GPU&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choice</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fewer GPU layers use less graphics memory; 0 runs on the CPU only.</source>
        <translation>Moins de couches sur le GPU utilisent moins de mémoire graphique&#xa0;; 0 n’utilise que le processeur.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>on battery</source>
        <translation>sur batterie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on mains power</source>
        <translation>sur secteur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cores, %2 threads</source>
        <translation>Cœurs&#xa0;: %1, threads&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 logical CPUs</source>
        <translation>Processeurs logiques&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 GB memory (%2 GB free)</source>
        <translation>Mémoire&#xa0;: %1&#xa0;Go (%2&#xa0;Go libres)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vulkan (not used)</source>
        <translation>Vulkan (non utilisé)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Loading on the GPU failed, so Composer switched to the CPU by itself. If this keeps happening, choose fewer GPU layers or CPU only below, or update the graphics driver.</source>
        <translation>Le chargement sur le GPU a échoué&#xa0;: Composer est passé de lui-même au processeur. Si cela se reproduit, choisissez ci-dessous moins de couches sur le GPU ou le processeur seul, ou mettez à jour le pilote graphique.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Measuring…</source>
        <translation>Mesure en cours…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading %1 tokens/s, writing %2 tokens/s</source>
        <translation>Lecture&#xa0;: %1&#xa0;jetons/s, écriture&#xa0;: %2&#xa0;jetons/s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>discrete GPU</source>
        <translation>GPU dédié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>integrated GPU</source>
        <translation>GPU intégré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerator</source>
        <translation>accélérateur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Automatic (recommended)</source>
        <translation>Automatique (recommandé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU only</source>
        <translation>Processeur seul</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../composer/i18n.py" line="+84"/>
        <source>A new language applies at the next start.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/model_manager.py" line="+137"/>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Installed models</source>
        <translation>Modèles &amp;installés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed models</source>
        <translation>Modèles installés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Use this model</source>
        <translation>&amp;Utiliser ce modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;mport file…</source>
        <translation>I&amp;mporter un fichier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Available to download</source>
        <translation>&amp;Disponibles au téléchargement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit on this computer</source>
        <translation>Adéquation à cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+242"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Openness</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models available to download</source>
        <translation>Modèles disponibles au téléchargement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fully &amp;open only</source>
        <translation>Entièrement &amp;ouverts seulement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fully open models only</source>
        <translation>Modèles entièrement ouverts seulement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lists only the models whose weights, training data, training code and instruction-tuning data are all public.</source>
        <translation>N’affiche que les modèles dont les poids, les données d’entraînement, le code d’entraînement et les données d’ajustement aux instructions sont tous publics.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Download</source>
        <translation>&amp;Télécharger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel download</source>
        <translation>&amp;Annuler le téléchargement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About the selected model</source>
        <translation>À propos du modèle sélectionné</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Openness of the selected model</source>
        <translation>Ouverture du modèle sélectionné</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Hugging Face &amp;token…</source>
        <translation>Enregistrer un &amp;jeton Hugging Face…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Looking for models on this computer…</source>
        <translation>Recherche des modèles sur cet ordinateur…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not list the installed models: {error}</source>
        <translation>Impossible de lister les modèles installés&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+193"/>
        <location line="+210"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="-402"/>
        <source>Paused at {percent}</source>
        <translation>En pause à {percent}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} (in use)</source>
        <translation>{name} (utilisé)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{fit} — recommended</source>
        <translation>{fit} — recommandé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Installed</source>
        <translation>Installé</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>Partiel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training data</source>
        <translation>Données d’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruction-tuning data</source>
        <translation>Données d’ajustement aux instructions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model card</source>
        <translation>Fiche du modèle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not rated</source>
        <translation>non évalué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open: %1 of %2</source>
        <translation>Ouvert&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (fully open)</source>
        <translation>%1 (entièrement ouvert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, partial: %2</source>
        <translation>%1, partiel&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+13"/>
        <source>No openness rating for this model.</source>
        <translation>Aucune évaluation de l’ouverture pour ce modèle.</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+22"/>
        <source>Source: %1</source>
        <translation>Source&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>How open: %1</source>
        <translation>Ouverture&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Fits on the GPU</source>
        <translation>Tient sur le GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly on the GPU, slower</source>
        <translation>En partie sur le GPU, plus lent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fits on the CPU, slower</source>
        <translation>Tient sur le processeur, plus lent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Does not fit</source>
        <translation>Ne tient pas</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{name} ({params}, {quant}): {summary}</source>
        <translation>{name} ({params}, {quant})&#xa0;: {summary}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On this computer: {reason}.</source>
        <translation>Sur cet ordinateur&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+39"/>
        <source>Checking {name}…</source>
        <translation>Vérification de {name}…</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Loading {name} in the background; you can keep writing.</source>
        <translation>Chargement de {name} en arrière-plan&#xa0;; vous pouvez continuer à écrire.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That did not work: {error}</source>
        <translation>Cela n’a pas fonctionné&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a GGUF model</source>
        <translation>Importer un modèle GGUF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{name} is now available; the file stays where it is.</source>
        <translation>{name} est maintenant disponible&#xa0;; le fichier reste où il est.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete {name} ({size}) from this computer?</source>
        <translation>Supprimer {name} ({size}) de cet ordinateur&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove model</source>
        <translation>Supprimer le modèle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removing {name}…</source>
        <translation>Suppression de {name}…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Hugging Face token</source>
        <translation>Jeton Hugging Face</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a read token from huggingface.co/settings/tokens.
Composer keeps it only in your system keychain.</source>
        <translation>Collez un jeton de lecture obtenu sur huggingface.co/settings/tokens.
Composer le conserve uniquement dans le trousseau de votre système.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Token saved in the system keychain. Start the download again.</source>
        <translation>Jeton enregistré dans le trousseau du système. Relancez le téléchargement.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, {duration} left</source>
        <translation>, encore {duration}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done} of {total} at {speed}/s{eta}</source>
        <translation>{done} sur {total} à {speed}/s{eta}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading {percent}</source>
        <translation>Téléchargement {percent}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Already on this computer: {path}</source>
        <translation>Déjà sur cet ordinateur&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloaded and verified: {path}</source>
        <translation>Téléchargé et vérifié&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not check this computer&apos;s hardware: {error}</source>
        <translation>Impossible d’examiner le matériel de cet ordinateur&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="+94"/>
        <source>Composer sends nothing anywhere unless you start it: a model download, or sending mail. It keeps no record of what you write besides the draft of the message you are writing, and never writes your text into its logs.</source>
        <translation>Composer n’envoie rien nulle part sans que vous le lanciez&#xa0;: un téléchargement de modèle ou l’envoi d’un e-mail. Il ne garde aucune trace de ce que vous écrivez, hormis le brouillon du message en cours, et n’écrit jamais votre texte dans ses journaux.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Forget everything…</source>
        <translation>&amp;Tout oublier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget everything</source>
        <translation>Tout oublier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removes saved drafts, the models Composer downloaded, stored passwords and tokens, and the settings. Model files you only imported are kept.</source>
        <translation>Supprime les brouillons enregistrés, les modèles téléchargés par Composer, les mots de passe et jetons stockés, ainsi que les paramètres. Les fichiers de modèle que vous avez seulement importés sont conservés.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Forget everything?</source>
        <translation>Tout oublier&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This removes your saved drafts (including the message open now), the models Composer downloaded, the passwords and tokens it stored, and all settings. It cannot be undone.</source>
        <translation>Cela supprime vos brouillons enregistrés (y compris le message ouvert), les modèles téléchargés par Composer, les mots de passe et jetons qu’il a stockés, et tous les paramètres. Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../composer/gui/widgets/review_view.py" line="+75"/>
        <source>Replaced “{old}” with “{new}”</source>
        <translation>«&#xa0;{old}&#xa0;» remplacé par «&#xa0;{new}&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inserted “{new}”</source>
        <translation>«&#xa0;{new}&#xa0;» inséré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted “{old}”</source>
        <translation>«&#xa0;{old}&#xa0;» supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line break</source>
        <translation>un saut de ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} line breaks</source>
        <translation>{n} sauts de ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a space</source>
        <translation>un espace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} spaces</source>
        <translation>{n} espaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes a fact ({facts}). {text}</source>
        <translation>Change un fait ({facts}). {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rewrite, not a proofreading fix: {text}</source>
        <translation>Réécriture, pas une correction&#xa0;: {text}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>◀ Pre&amp;vious</source>
        <translation>◀ Précéden&amp;te</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous version</source>
        <translation>Version précédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the previous version (Alt+Shift+Left)</source>
        <translation>Afficher la version précédente (Alt+Maj+Gauche)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Run again</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changes (tick the ones to keep):</source>
        <translation>Modifications (cochez celles à garder)&#xa0;:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept all changes: the suggestion replaces the text (Ctrl+Shift+Return)</source>
        <translation>Accepter toutes les modifications&#xa0;: la suggestion remplace le texte (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept tic&amp;ked</source>
        <translation>Accepter les coc&amp;hées</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Insert at cursor</source>
        <translation>Insérer au curseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert at the cursor</source>
        <translation>Insérer au curseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the message as it is and put the suggestion where the cursor was</source>
        <translation>Garder le message tel quel et placer la suggestion là où était le curseur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;iscard</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard the suggestion; the message stays as it is</source>
        <translation>Rejeter la suggestion&#xa0;; le message reste tel quel</translation>
    </message>
    <message>
        <location line="+349"/>
        <source>Stopped early · %1</source>
        <translation>Arrêté avant la fin · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It stopped before the end: your text after the point it reached stays as it was.</source>
        <translation>Il s’est arrêté avant la fin&#xa0;: votre texte après le point atteint reste tel quel.</translation>
    </message>
    <message>
        <location line="-420"/>
        <source>Next version</source>
        <translation>Version suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the next version (Alt+Shift+Right)</source>
        <translation>Afficher la version suivante (Alt+Maj+Droite)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;generate</source>
        <translation>R&amp;égénérer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write another version; this one stays browsable</source>
        <translation>Rédiger une autre version&#xa0;; celle-ci reste consultable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notice</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run again on the current text</source>
        <translation>Relancer sur le texte actuel</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each change has a checkbox; Space keeps or rejects it.</source>
        <translation>Chaque modification a une case à cocher&#xa0;; Espace la garde ou la rejette.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accept a&amp;ll</source>
        <translation>To&amp;ut accepter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept the ticked changes</source>
        <translation>Accepter les modifications cochées</translation>
    </message>
    <message>
        <location line="+193"/>
        <source>You edited this text after asking, so the suggestion no longer fits it. Nothing was changed. Run the assistant again on the current text?</source>
        <translation>Vous avez modifié ce texte après votre demande&#xa0;: la suggestion ne lui correspond plus. Rien n’a été changé. Relancer l’assistant sur le texte actuel&#xa0;?</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>No changes.</source>
        <translation>Aucune modification.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changes, %2 ticked.</source>
        <translation>Modifications&#xa0;: %1, cochées&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Version %1 of %2</source>
        <translation>Version %1 sur %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing… %1 changes so far</source>
        <translation>Rédaction… modifications jusqu’ici&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 changes ticked</source>
        <translation>Modifications cochées&#xa0;: %1 sur %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="+19"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assistant</source>
        <translation>&amp;Assistant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hardware</source>
        <translation>&amp;Matériel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Privacy</source>
        <translation>&amp;Confidentialité</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/shortcuts_dialog.py" line="+27"/>
        <location line="+16"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search shortcuts</source>
        <translation>Rechercher un raccourci</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows only the commands or keys that contain the words typed</source>
        <translation>N’affiche que les commandes ou touches contenant les mots saisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. undo, accept, Ctrl+Shift</source>
        <translation>p.&#xa0;ex. annuler, accepter, Ctrl+Maj</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>StarterModel</name>
    <message>
        <location filename="../../composer/models/starter.py" line="+32"/>
        <source>Starter model: Gemma 3 270M, a tiny base model bundled so you can try the app offline. Its drafts are low quality; choose a bigger model for real mail.</source>
        <translation>Modèle de démarrage&#xa0;: Gemma 3 270M, un tout petit modèle de base fourni pour essayer l’application hors ligne. Ses brouillons sont de piètre qualité&#xa0;; choisissez un modèle plus grand pour votre vrai courrier.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../composer/gui/widgets/welcome_page.py" line="+53"/>
        <source>&lt;h2&gt;Welcome to Composer&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bienvenue dans Composer&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose what helps you write. The assistant runs on this computer: what you write does not leave it unless you send it.</source>
        <translation>Choisissez ce qui vous aide à écrire. L’assistant fonctionne sur cet ordinateur&#xa0;: ce que vous écrivez ne le quitte pas, sauf si vous l’envoyez.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Download the recommended model</source>
        <translation>&amp;Télécharger le modèle recommandé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download the recommended model</source>
        <translation>Télécharger le modèle recommandé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking which model suits this computer…</source>
        <translation>Recherche du modèle adapté à cet ordinateur…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use the starter model</source>
        <translation>Utiliser le modèle de démarrage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use the starter &amp;model</source>
        <translation>Utiliser le modèle de dé&amp;marrage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Works right now, offline. It is tiny (270 million parameters, 253 MB) and its drafts are poor: good for trying Composer, not for real mail.</source>
        <translation>Fonctionne tout de suite, hors ligne. Il est minuscule (270&#xa0;millions de paramètres, 253&#xa0;Mo) et ses brouillons sont médiocres&#xa0;: bien pour essayer Composer, pas pour votre vrai courrier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;No assistant</source>
        <translation>Sa&amp;ns assistant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No assistant</source>
        <translation>Sans assistant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Just write. No model is loaded, so no memory is used. You can turn the assistant on later in Edit &gt; Settings &gt; Assistant.</source>
        <translation>Écrivez, tout simplement. Aucun modèle n’est chargé, donc aucune mémoire n’est utilisée. Vous pourrez activer l’assistant plus tard dans Édition &gt; Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Use a model file I have…</source>
        <translation>&amp;Utiliser un fichier de modèle que j’ai…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a model file I have…</source>
        <translation>Utiliser un fichier de modèle que j’ai…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A GGUF file on this computer; it is used where it lies, never copied.</source>
        <translation>Un fichier GGUF sur cet ordinateur&#xa0;; il est utilisé là où il se trouve, jamais copié.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>This computer could not be checked, so no model is recommended. File &gt; Models lists them all.</source>
        <translation>Cet ordinateur n’a pas pu être examiné&#xa0;: aucun modèle n’est donc recommandé. Fichier &gt; Modèles les liste tous.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None of the catalog&apos;s models fits this computer&apos;s memory. The starter model still works, or use a smaller model file you have.</source>
        <translation>Aucun modèle du catalogue ne tient dans la mémoire de cet ordinateur. Le modèle de démarrage fonctionne toujours&#xa0;; vous pouvez aussi utiliser un fichier de modèle plus petit que vous avez.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 (%2, about %3)</source>
        <translation>%1 (%2, environ %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On this computer: %1 — %2</source>
        <translation>Sur cet ordinateur&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stored in %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence: %1</source>
        <translation>Licence&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How open: %1</source>
        <translation>Ouverture&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause and resume at any time; File &gt; Models shows the download.</source>
        <translation>Mettez en pause et reprenez à tout moment&#xa0;; Fichier &gt; Modèles montre le téléchargement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fits on the graphics card</source>
        <translation>tient sur la carte graphique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly on the graphics card, slower</source>
        <translation>en partie sur la carte graphique, plus lent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>runs on the processor, slower</source>
        <translation>fonctionne sur le processeur, plus lent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not fit</source>
        <translation>ne tient pas</translation>
    </message>
</context>
</TS>
