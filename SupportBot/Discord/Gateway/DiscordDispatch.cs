using System.Text.Json;

namespace SupportBot.Discord.Gateway;

/// <summary>One Gateway event (op 0): its name (<c>MESSAGE_CREATE</c>), its sequence number and its data.</summary>
public sealed record DiscordDispatch(string Type, long Sequence, JsonElement Data);

/// <summary>
/// Handles the Gateway's events in order. The client counts an event as received only once this returns, so a
/// RESUME after a drop replays whatever was not handled; a handler must therefore be idempotent (it is: intake is
/// keyed by message id).
/// </summary>
public interface IDiscordDispatchHandler
{
    Task HandleAsync(DiscordDispatch dispatch, CancellationToken cancellationToken);
}
