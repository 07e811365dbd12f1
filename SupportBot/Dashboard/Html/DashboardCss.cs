namespace SupportBot.Dashboard.Html;

/// <summary>The dashboard's only stylesheet, served by the app itself (no CDN, works air-gapped).</summary>
public static class DashboardCss
{
    public const string Path = "/assets/dashboard.css";

    public const string Text = """
        :root { --ink: #1d2731; --muted: #5b6b7a; --line: #d7dee5; --accent: #0b5cd5; --bad: #c62828; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); overflow-wrap: anywhere; }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem 1.5rem; padding: .5rem 1.25rem; background: #24313f; color: #fff; }
        header nav { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1.5rem; }
        header ul { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0; padding: 0; }
        header a { color: #dfe8f1; text-decoration: none; padding: .35rem .7rem; border-radius: 4px; }
        header a[aria-current="page"] { background: #3b4d61; color: #fff; }
        header a:hover { background: #34465a; }
        .signout { display: flex; gap: .5rem; align-items: center; color: #dfe8f1; }
        main { max-width: 1280px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        caption { text-align: left; color: var(--muted); padding: .25rem 0; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef2f6; font-weight: 600; white-space: nowrap; }
        td { overflow-wrap: normal; }
        tbody tr:hover { background: #f3f7fb; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, main:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: .5rem; top: .5rem; background: #fff; padding: .5rem; z-index: 1; }
        .overdue { color: var(--bad); font-weight: 600; }
        .muted, .empty { color: var(--muted); }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: .75rem; margin-bottom: 1rem; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
        .card b { display: block; font-size: 1.5rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(520px, 100%), 1fr)); gap: 1rem; }
        figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; }
        figcaption { font-weight: 600; margin-bottom: .25rem; }
        svg { width: 100%; height: auto; }
        ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: .25rem 0; padding: 0; font-size: .85rem; }
        ul.legend svg { width: 10px; height: 10px; margin-right: .3rem; }
        figure details { margin-top: .25rem; } figure summary { cursor: pointer; color: var(--accent); }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; background: #fff; border: 1px solid var(--line); padding: .75rem; }
        dl.fields dt { color: var(--muted); } dl.fields dd { margin: 0; min-width: 0; }
        ol.entries { list-style: none; padding: 0; } ol.entries li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; margin: .4rem 0; white-space: pre-wrap; }
        ol.entries li.team { border-left: 4px solid var(--accent); } ol.entries li.note { border-left: 4px solid #b7791f; background: #fffaf0; }
        .who { color: var(--muted); font-size: .85rem; display: block; }
        .security { color: var(--bad); font-weight: 600; }
        @media (max-width: 600px) { header { padding: .5rem .75rem; } main { padding: .75rem .75rem 2rem; } dl.fields { grid-template-columns: 1fr; } dl.fields dd { margin-bottom: .4rem; } }
        form.range { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; background: #fff; border: 1px solid var(--line); padding: .6rem; }
        label { display: grid; gap: .2rem; font-size: .9rem; }
        input, button { font: inherit; padding: .3rem .5rem; }
        header a.alert { background: #8a1c1c; color: #fff; font-weight: 600; }
        header a.alert:hover { background: #a32222; }
        form.inline { display: inline; margin: 0; }
        form.rating { display: grid; gap: .75rem; max-width: 40rem; } form.rating textarea { font: inherit; padding: .4rem; }
        .notice { background: #eaf6ec; border: 1px solid #9fd3a8; border-radius: 6px; padding: .5rem .75rem; }
        ul.causes { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
        section.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: .75rem 0; }
        section.actions h2 { flex-basis: 100%; margin: 0; }
        form.act { display: flex; flex-wrap: wrap; gap: .3rem .5rem; align-items: end; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; max-width: 100%; }
        form.act label { flex-basis: 100%; } form.act select, form.act textarea { font: inherit; padding: .3rem; max-width: 100%; }
        form.act textarea { width: 28rem; }
        .notice.answer { white-space: pre-line; overflow-wrap: anywhere; }
        form.filters { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; background: #fff; border: 1px solid var(--line); padding: .6rem; margin-bottom: .5rem; }
        select { font: inherit; padding: .3rem .5rem; max-width: 16rem; }
        table.sortable th a { color: inherit; text-decoration: none; } table.sortable th a:hover { text-decoration: underline; }
        .at-risk { color: #8a4b00; font-weight: 600; }
        .tag { display: inline-block; font-size: .8rem; padding: 0 .4rem; border: 1px solid var(--line); border-radius: 999px; background: #eef3f8; color: var(--ink); }
        """;
}
