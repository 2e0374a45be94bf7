-- wrk script: adds the 95th percentile (wrk prints 50/75/90/99 only).
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2f ms\n", latency:percentile(95) / 1000))
end
