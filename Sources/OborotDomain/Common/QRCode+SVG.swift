extension QRCode {
    /// A standalone SVG document: a white background and one black `<path>` of the dark modules, drawn in module
    /// units (the `viewBox` is `size + 2 * quietZone` square) and scaled to `moduleSize` pixels per module.
    ///
    /// Each horizontal run of dark modules is one rectangle, which keeps the path short; `crispEdges` stops
    /// anti-aliasing from leaving hairlines between neighbouring runs. The background is drawn because a
    /// transparent code on a dark page does not scan. Negative arguments are treated as zero, a zero module
    /// size as one.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let quiet = max(0, quietZone)
        let side = size + 2 * quiet
        let pixels = side * max(1, moduleSize)
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quiet) \(y + quiet)h\(x - start)v1h-\(x - start)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
