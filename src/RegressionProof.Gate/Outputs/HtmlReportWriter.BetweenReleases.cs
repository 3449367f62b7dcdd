using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Outputs;

// The report's sections between releases: what changed since the baseline, and the trend.
internal sealed partial class HtmlReportWriter
{
    /// <summary>Cards and proofs added and removed, the public API per assembly, the suspect proofs; or why there is nothing to compare.</summary>
    private void SinceThePreviousRelease()
    {
        W("<section id=\"since-previous\">");
        W("<h2>Since the previous release</h2>");
        if (BetweenReleases.Delta(_result) is not { } delta)
        {
            W($"<p class=\"none\">{BetweenReleases.NoPreviousRelease}.</p>");
            W("</section>");
            return;
        }

        W($"<p>Compared with {HtmlText.Encode(ReleaseFacts.BaselineUsed(Input))}{(delta.IsEmpty ? ": nothing changed." : ".")}</p>");
        Part("cards-added", "Cards added", delta.CardsAdded, card => $"<span class=\"mono\">{HtmlText.Encode(card.Id)}</span> {HtmlText.Encode(card.Title)}");
        Part("cards-retired", "Cards retired", delta.CardsRetired, card => $"<span class=\"mono\">{HtmlText.Encode(card)}</span>");
        ProofsByCard("proofs-added", "Proofs added", delta.ProofsAdded, proof => $"{Symbol(proof)} at {Source(proof.Path, proof.Line, proof.Column)}");
        // A removed proof's file and line are the baseline's: shown as text, not as a link into this commit.
        ProofsByCard("proofs-removed", "Proofs removed", delta.ProofsRemoved, proof => $"{Symbol(proof)} at <span class=\"mono\">{HtmlText.Encode(Place(proof))}</span>");
        PublicApi(delta);
        Part("suspect-proofs", "Suspect proofs", delta.SuspectProofs, FindingText);
        W("</section>");
    }

    private void Part<T>(string id, string title, IReadOnlyList<T> items, Func<T, string> item)
    {
        W($"<h3 id=\"{id}\">{title} ({items.Count.ToString(CultureInfo.InvariantCulture)})</h3>");
        Items(Listed(items), item, "none");
        More(items.Count);
    }

    /// <summary>Proofs under their card, each with its kind in plain words.</summary>
    private void ProofsByCard(string id, string title, IReadOnlyList<ManifestLink> proofs, Func<ManifestLink, string> proof)
    {
        W($"<h3 id=\"{id}\">{title} ({proofs.Count.ToString(CultureInfo.InvariantCulture)})</h3>");
        Items(
            Listed(proofs).GroupBy(p => p.Card, StringComparer.Ordinal).ToList(),
            card => $"<span class=\"mono\">{HtmlText.Encode(card.Key)}</span><ul class=\"items\">"
                + string.Concat(card.Select(p => $"<li><b>{HtmlText.Encode(ProofWords.Kind(p.Kind))}</b> {proof(p)}</li>")) + "</ul>",
            "none");
        More(proofs.Count);
    }

    /// <summary>Each assembly whose API changed, with its entries added, removed and changed; then the assemblies added and removed.</summary>
    private void PublicApi(ReleaseDelta delta)
    {
        W($"<h3 id=\"public-api\">Public API ({delta.Api.Count.ToString(CultureInfo.InvariantCulture)} {(delta.Api.Count == 1 ? "assembly" : "assemblies")} changed)</h3>");
        Items(delta.Api, ApiOf, "no public API was added, removed or changed");
        if (delta.AssembliesAdded.Count > 0)
        {
            W($"<p>Assemblies added: {string.Join(", ", Listed(delta.AssembliesAdded).Select(name => $"<span class=\"mono\">{HtmlText.Encode(name)}</span>"))}.</p>");
            More(delta.AssembliesAdded.Count);
        }

        if (delta.AssembliesRemoved.Count > 0)
        {
            W($"<p>Assemblies removed: {string.Join(", ", Listed(delta.AssembliesRemoved).Select(name => $"<span class=\"mono\">{HtmlText.Encode(name)}</span>"))}.</p>");
            More(delta.AssembliesRemoved.Count);
        }
    }

    private static string ApiOf(AssemblyApiDelta api)
    {
        var comparison = api.Comparison;
        var entries = comparison.Added.Select(e => ("added", e.Identity))
            .Concat(comparison.Removed.Select(e => ("removed", e.Identity)))
            .Concat(comparison.Changed.Select(c => ("changed", c.ToString())))
            .ToList();
        var listed = string.Concat(Listed(entries).Select(e => $"<li>{e.Item1} <code>{HtmlText.Encode(e.Item2)}</code></li>"));
        var more = entries.Count > BetweenReleases.MaxListed ? $"<li class=\"none\">{MoreText(entries.Count)}</li>" : string.Empty;
        return $"<b class=\"mono\">{HtmlText.Encode(api.Assembly)}</b>: {BetweenReleases.ApiCounts(comparison)}<ul class=\"items\">{listed}{more}</ul>";
    }

    private static IReadOnlyList<T> Listed<T>(IReadOnlyList<T> items) => items.Count > BetweenReleases.MaxListed ? items.Take(BetweenReleases.MaxListed).ToList() : items;

    private void More(int count)
    {
        if (count > BetweenReleases.MaxListed)
        {
            W($"<p class=\"none\">{MoreText(count)}</p>");
        }
    }

    private static string MoreText(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"and {count - BetweenReleases.MaxListed} more (the coverage manifest has them all)");

    private static string Place(ManifestLink proof) => proof.Line >= 1 ? $"{proof.Path}:{proof.Line.ToString(CultureInfo.InvariantCulture)}" : proof.Path;

    /// <summary>The trend as a chart drawn here (no script), with its figures as a table for screen readers and for the record.</summary>
    private void Trend()
    {
        var trend = BetweenReleases.Trend(_result);
        W("<section id=\"trend\">");
        W($"<h2>Trend ({trend.Count.ToString(CultureInfo.InvariantCulture)} {(trend.Count == 1 ? "release" : "releases")})</h2>");
        if (Input.Baseline is null)
        {
            W($"<p class=\"none\">{BetweenReleases.NoPreviousRelease}: the trend starts with this release.</p>");
        }

        W(TrendChart.Svg(trend));
        W("<details class=\"trend-figures\"><summary>The figures</summary>");
        W("<table><caption>Each release's figures, oldest first (errors and warnings count waived findings too)</caption>");
        W("<thead><tr><th scope=\"col\">release</th><th scope=\"col\">as of</th><th scope=\"col\">verdict</th><th scope=\"col\">cards</th><th scope=\"col\">proven</th><th scope=\"col\">manual</th><th scope=\"col\">errors</th><th scope=\"col\">warnings</th><th scope=\"col\">waived</th></tr></thead>");
        W("<tbody>");
        foreach (var entry in trend)
        {
            W($"<tr><th scope=\"row\">{HtmlText.Cell(entry.Version, SummaryWriter.MaxIdLength)}</th><td>{HtmlText.Encode(entry.AsOf)}</td><td>{HtmlText.Encode(entry.Verdict)}</td>"
                + string.Concat(new[] { entry.Cards, entry.Proven, entry.Manual, entry.Errors, entry.Warnings, entry.Waived }.Select(n => $"<td>{n.ToString(CultureInfo.InvariantCulture)}</td>"))
                + "</tr>");
        }

        W("</tbody></table></details>");
        W("</section>");
    }
}
