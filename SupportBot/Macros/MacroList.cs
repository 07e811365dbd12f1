using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Macros;

/// <summary>The modal <c>/ticket macros</c> opens once replies exist: each with Edit and Delete, and an Add button.</summary>
public static class MacroList
{
    public const string CallbackId = "saved_replies";
    public const string AddAction = "saved_reply_add", EditAction = "saved_reply_edit", DeleteAction = "saved_reply_delete";

    // Slack allows 100 blocks a modal: two a reply, plus the head and the Add button
    private const int MaxShown = 45;

    public static ModalView Build(IReadOnlyList<Macro> macros, string command)
    {
        var blocks = new List<Block>
        {
            new SectionBlock(TextObject.Markdown($"Send one to a ticket's customer with `{command} 12 macro NAME`, or the *Send saved reply* shortcut.")),
            new ActionsBlock([new ButtonElement(TextObject.Plain("Add saved reply")) { ActionId = AddAction, Style = "primary" }]) { BlockId = "add" },
        };
        foreach (var macro in macros.Take(MaxShown))
        {
            blocks.Add(new SectionBlock(TextObject.Markdown(Describe(macro))) { BlockId = "about:" + macro.Id });
            blocks.Add(new ActionsBlock(
            [
                new ButtonElement(TextObject.Plain("Edit")) { ActionId = EditAction, Value = macro.Id },
                new ButtonElement(TextObject.Plain("Delete")) { ActionId = DeleteAction, Value = macro.Id, Style = "danger" },
            ]) { BlockId = "macro:" + macro.Id });
        }
        if (macros.Count > MaxShown)
            blocks.Add(new ContextBlock([TextObject.Plain($"…and {macros.Count - MaxShown} more, sent by name.")]));
        return new ModalView(CallbackId, TextObject.Plain("Saved replies"), blocks) { Close = TextObject.Plain("Done") };
    }

    private static string Describe(Macro macro) =>
        $"*{SlackText.Escape(macro.Name)}*" + (macro.Status is { } s ? $" · sets {s.Display()}" : "") +
        $"\n{SlackText.Escape(SlackText.FirstLine(macro.Text, 150))}";
}
