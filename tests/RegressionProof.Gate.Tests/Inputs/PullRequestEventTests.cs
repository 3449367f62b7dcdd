using System;
using System.Collections.Generic;
using System.Text;
using RegressionProof.Gate.Inputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>The pull request of a GitHub Actions run, read from its event payload (GITHUB_EVENT_PATH).</summary>
public sealed class PullRequestEventTests : IDisposable
{
    private const string Payload = """
        { "action": "labeled", "number": 42,
          "pull_request": { "number": 42, "title": "Fix discount", "labels": [ { "id": 1, "name": "bug" }, { "id": 2, "name": "patch" } ] },
          "repository": { "full_name": "shop/checkout" } }
        """;

    private readonly TempFolder _folder = new();

    private Func<string, string?> Environment(string eventName, string? payload = Payload)
    {
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = eventName };
        if (payload is not null)
        {
            variables["GITHUB_EVENT_PATH"] = _folder.Write("event.json", payload);
        }

        return name => variables.GetValueOrDefault(name);
    }

    [Theory]
    [InlineData("pull_request")]
    [InlineData("pull_request_target")]
    public void A_pull_request_run_on_GitHub_Actions_reads_the_number_and_labels(string eventName)
    {
        var pullRequest = PullRequestEvent.FromEnvironment(Environment(eventName));

        Assert.NotNull(pullRequest);
        Assert.Equal(42, pullRequest.Number);
        Assert.Equal(["bug", "patch"], pullRequest.Labels);
    }

    [Theory]
    [InlineData("push")]
    [InlineData("workflow_dispatch")]
    public void Another_event_is_not_a_pull_request_run(string eventName)
    {
        Assert.Null(PullRequestEvent.FromEnvironment(Environment(eventName)));
    }

    [Fact]
    public void Outside_GitHub_Actions_there_is_no_pull_request()
    {
        Assert.Null(PullRequestEvent.FromEnvironment(_ => null));
        Assert.Null(PullRequestEvent.FromEnvironment(name => name == "GITHUB_EVENT_NAME" ? "pull_request" : null));
    }

    [Fact]
    public void A_pull_request_without_labels_has_none()
    {
        var pullRequest = PullRequestEvent.Parse("event.json", Encoding.UTF8.GetBytes("""{ "pull_request": { "number": 7 } }"""));

        Assert.Empty(pullRequest.Labels);
    }

    [Fact]
    public void A_malformed_payload_is_unusable_input_naming_the_file_line_and_column()
    {
        var error = Assert.Throws<InputException>(() => PullRequestEvent.FromEnvironment(Environment("pull_request", "{ \"pull_request\": {\n  \"labels\": [ { \"name\": \"patch\" }, ]\n} }")));

        Assert.StartsWith(_folder.Path, error.File, StringComparison.Ordinal);
        Assert.Equal((2L, 36L), (error.Line, error.Column));
        Assert.Contains("unexpected ']'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "ref": "refs/heads/main" }""", "has no \"pull_request\" object")]
    [InlineData("""[1, 2]""", "has no \"pull_request\" object")]
    [InlineData("""{ "pull_request": { "labels": "patch" } }""", "\"pull_request.labels\" must be an array")]
    [InlineData("""{ "pull_request": { "labels": [ "patch" ] } }""", "a label of \"pull_request.labels\" must be an object with a \"name\" string")]
    [InlineData("""{ "pull_request": { "labels": [ { "name": 7 } ] } }""", "a label of \"pull_request.labels\" must be an object with a \"name\" string")]
    public void A_payload_without_a_readable_pull_request_is_unusable_input_naming_the_file(string payload, string reason)
    {
        var error = Assert.Throws<InputException>(() => PullRequestEvent.Parse("event.json", Encoding.UTF8.GetBytes(payload)));

        Assert.Equal("event.json: " + reason, error.Message[..Math.Min(error.Message.Length, 12 + reason.Length)]);
    }

    [Fact]
    public void A_payload_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        var path = _folder.Write("huge.json", "{ \"pull_request\": { \"body\": \"" + new string('x', (int)PullRequestEvent.MaxBytes) + "\" } }");

        var error = Assert.Throws<InputException>(() => PullRequestEvent.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pull_request_run_without_an_event_path_is_unusable_input()
    {
        var error = Assert.Throws<InputException>(() => PullRequestEvent.FromEnvironment(Environment("pull_request", payload: null)));

        Assert.Equal("GITHUB_EVENT_PATH: is not set in a pull_request run; the pull request's labels cannot be read", error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
