// Cross-check vchain's exports with graphology, the graph library under
// sigma.js and Gephi Lite (a test oracle, not product code).
//
//   NODE_PATH=DIR/node_modules node tools/check_graphology.js REFERENCE.json FILE...
//
// DIR holds the npm packages graphology, graphology-gexf and
// graphology-graphml (tools/js/package.json lists the versions checked).
// REFERENCE.json is vchain's node-link export of the same graph.  Each FILE
// is read as graphology reads it: .gexf with graphology-gexf,
// .graphml with graphology-graphml, .graphology.json with Graph.from().  It
// must hold the same nodes and as many edges, every node must carry what
// sigma.js draws with (numeric x and y, size, colour) with the reference's
// values, and every edge the reference's weight (GraphML: viz_weight, the
// key Gephi takes as the weight).  From .graphology.json every attribute
// must come back with the reference's value and JSON type.
//
// Exit status: 0 all agree, 1 a difference (printed), 77 a package missing.
'use strict';
const fs = require('fs');

let Graph, gexf, graphml;
try {
    Graph = require('graphology');
    gexf = require('graphology-gexf');
    graphml = require('graphology-graphml');
} catch (e) {
    console.error('graphology packages not found (NODE_PATH): ' + e.message);
    process.exit(77);
}

function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

function check(ref, path) {
    const problems = [];
    const text = fs.readFileSync(path, 'utf8');
    let g;
    if (path.endsWith('.graphology.json'))
        g = Graph.from(JSON.parse(text));
    else if (path.endsWith('.gexf'))
        g = gexf.parse(Graph, text);
    else
        g = graphml.parse(Graph, text);
    if (g.order !== ref.nodes.length)
        problems.push(`${g.order} nodes, expected ${ref.nodes.length}`);
    if (g.size !== ref.links.length)
        problems.push(`${g.size} edges, expected ${ref.links.length}`);
    for (const n of ref.nodes) {
        if (!g.hasNode(n.id)) {
            problems.push(`node ${n.id} missing`);
            continue;
        }
        const a = g.getNodeAttributes(n.id);
        if (typeof a.x !== 'number' || typeof a.y !== 'number')
            problems.push(`node ${n.id}: no numeric x and y (sigma.js draws nothing)`);
        for (const k of ['x', 'y', 'size'])
            if (a[k] !== n[k])
                problems.push(`node ${n.id}: ${k} ${a[k]}, expected ${n[k]}`);
        // graphology-gexf writes colours as rgb(r,g,b); the others as #rrggbb
        const want = n.color;
        const got = /^rgba?\(/.test(a.color || '')
            ? '#' + a.color.match(/\d+/g).slice(0, 3)
                .map(v => (+v).toString(16).padStart(2, '0')).join('')
            : a.color;
        if (got !== want)
            problems.push(`node ${n.id}: color ${a.color}, expected ${want}`);
        if (path.endsWith('.graphology.json')) {
            const { id, ...rest } = n;
            if (!same(Object.entries(a).sort(), Object.entries(rest).sort()))
                problems.push(`node ${n.id}: ${JSON.stringify(a)}, expected ${JSON.stringify(rest)}`);
        }
    }
    // edges: compare the weights per (source, target), as multisets
    const key = (s, t) => JSON.stringify([s, t]);
    const want = new Map(), got = new Map();
    for (const l of ref.links) {
        const k = key(l.source, l.target);
        want.set(k, [...(want.get(k) || []), path.endsWith('.graphology.json')
            ? JSON.stringify(Object.entries((({ id, source, target, directed, ...r }) => r)(l)).sort())
            : String(l.weight)]);
    }
    g.forEachEdge((e, a, s, t) => {
        const k = key(s, t);
        const w = path.endsWith('.graphml') ? a.viz_weight : a.weight;
        got.set(k, [...(got.get(k) || []), path.endsWith('.graphology.json')
            ? JSON.stringify(Object.entries(a).sort()) : String(w)]);
    });
    for (const k of new Set([...want.keys(), ...got.keys()])) {
        const x = (want.get(k) || []).sort(), y = (got.get(k) || []).sort();
        // an undirected edge may come back the other way round
        const [s, t] = JSON.parse(k);
        const y2 = y.length ? y : (got.get(key(t, s)) || []).sort();
        if (!same(x, y2))
            problems.push(`edges ${k}: ${JSON.stringify(y2)}, expected ${JSON.stringify(x)}`);
    }
    return { problems, g };
}

const ref = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let failed = false;
for (const path of process.argv.slice(3)) {
    let r;
    try {
        r = check(ref, path);
    } catch (e) {
        r = { problems: [`graphology refuses it: ${e.message}`] };
    }
    if (r.problems.length) {
        failed = true;
        console.log(`${path}: ${r.problems.length} difference(s)`);
        for (const p of r.problems.slice(0, 20))
            console.log('  ' + p);
    } else {
        console.log(`${path}: graphology reads ${r.g.order} nodes, ${r.g.size} edges ` +
                    `(${r.g.type}${r.g.multi ? ', multi' : ''}), same values`);
    }
}
process.exit(failed ? 1 : 0);
