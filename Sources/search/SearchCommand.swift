import ArgumentParser
import NoticeIndex

@main
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search ICO decision notices.")
    func run() throws {}
}
