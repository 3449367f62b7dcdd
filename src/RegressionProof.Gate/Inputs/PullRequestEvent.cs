using System;
using System.Collections.Generic;
using System.Text.Json;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// The pull request of a GitHub Actions run, from the event payload at <c>GITHUB_EVENT_PATH</c>
/// when <c>GITHUB_EVENT_NAME</c> is <c>pull_request</c> or <c>pull_request_target</c>. The payload
/// is input like any other: read up to <see cref="MaxBytes"/>, and one that is no JSON, or has no
/// pull request in it, is told with its file (and line and column where there is one).
/// </summary>
internal static class PullRequestEvent
{
    /// <summary>GitHub's payloads are kilobytes; a pull request with many labels and a long body stays far below this.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>The pull request, or null when this is not a pull-request run on GitHub Actions.</summary>
    public static PullRequest? FromEnvironment(Func<string, string?> variable)
    {
        if (variable("GITHUB_ACTIONS") != "true" || variable("GITHUB_EVENT_NAME") is not ("pull_request" or "pull_request_target"))
        {
            return null;
        }

        var path = variable("GITHUB_EVENT_PATH");
        return string.IsNullOrEmpty(path)
            ? throw new InputException("GITHUB_EVENT_PATH", $"is not set in a {variable("GITHUB_EVENT_NAME")} run; the pull request's labels cannot be read")
            : Read(path);
    }

    public static PullRequest Read(string path) => Parse(path, TextFile.ReadUtf8(path, "GitHub event payload", MaxBytes));

    public static PullRequest Parse(string path, ReadOnlyMemory<byte> utf8)
    {
        if (ReleaseJsonSyntax.FirstProblem(utf8.Span) is { } syntax)
        {
            var (line, column) = JsonProblem.PositionOf(utf8.Span, syntax.Offset);
            throw new InputException(path, syntax.Reason, line, column);
        }

        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = ReleaseJsonSyntax.MaxDepth + 1 });
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("pull_request", out var pullRequest)
            || pullRequest.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(path, "has no \"pull_request\" object; a pull_request event's payload has one");
        }

        long? number = pullRequest.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out var value) ? value : null;
        var labels = new List<string>();
        if (pullRequest.TryGetProperty("labels", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new InputException(path, "\"pull_request.labels\" must be an array");
            }

            foreach (var label in list.EnumerateArray())
            {
                labels.Add(label.ValueKind == JsonValueKind.Object && label.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    ? name.GetString()!
                    : throw new InputException(path, "a label of \"pull_request.labels\" must be an object with a \"name\" string"));
            }
        }

        return new PullRequest(path, number, labels);
    }
}
