import OborotExchange
import Testing
